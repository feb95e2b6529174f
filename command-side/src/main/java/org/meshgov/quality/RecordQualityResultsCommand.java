package org.meshgov.quality;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.Actor;

/** A pipeline (datacontract-cli, dbt, Soda, …) reports the results of one run against a contract version. */
public record RecordQualityResultsCommand(String contractId, String version, String runId, Instant runAt,
                                          List<QualityResult> results, Actor actor) implements ActedCommand {

    public RecordQualityResultsCommand {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A run id is unique per contract: the second report of a run is refused. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return QualityRun.aggregateId(contractId, runId);
    }
}
