package org.meshgov.policy.whatif;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.meshgov.access.AccessRequestFacts;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.contract.ContractProposalFacts;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.DeprecationFacts;
import org.meshgov.domain.DomainRegisteredEvent;
import org.meshgov.domain.DomainStageChangedEvent;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.incident.IncidentFacts;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.policy.PolicyTarget;
import org.meshgov.quality.QualityResultsRecordedEvent;
import org.meshgov.quality.QualityRunFacts;

/**
 * Replays the event log, not a projection: reads the stored events of the kinds a rule judges, in
 * global order, deserialises each with the engine's own event serializer and turns it into the
 * facts its command handler evaluated, with the domain's stage at that point of the log. Cases
 * that nobody could have been refused are left out: deprecations a new major made by itself and
 * incidents a failed quality rule opened.
 */
public class EventLogCases {

    static final List<Class<?>> READ = List.of(DomainRegisteredEvent.class, DomainStageChangedEvent.class,
            ContractVersionProposedEvent.class, AccessRequestedEvent.class, ContractVersionDeprecatedEvent.class,
            IncidentRaisedEvent.class, QualityResultsRecordedEvent.class);
    private static final int FETCH_SIZE = 2_000;

    private final DataSource dataSource;
    private final Serializer serializer;

    public EventLogCases(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
    }

    /** Hands every past case to {@code sink}, oldest first; returns how many events were read. */
    public long replay(Consumer<PastCase> sink) {
        String types = String.join(", ", READ.stream().map(type -> "'" + type.getName() + "'").toList());
        Map<String, OnboardingStage> stages = new HashMap<>();
        long read = 0;
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result only inside a transaction; otherwise it reads it all into memory
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT payloadtype, payloadrevision, payload, "timestamp" FROM domainevententry
                    WHERE payloadtype IN (%s) ORDER BY globalindex""".formatted(types))) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        Object event = serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(3),
                                byte[].class, rows.getString(1), rows.getString(2)));
                        pastCase(event, Instant.parse(rows.getString(4)), stages, sink);
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event log", e);
        }
        return read;
    }

    private static void pastCase(Object event, Instant at, Map<String, OnboardingStage> stages,
                                 Consumer<PastCase> sink) {
        if (event instanceof DomainRegisteredEvent registered) {
            stages.put(registered.domainId(), OnboardingStage.PILOT);
        } else if (event instanceof DomainStageChangedEvent changed) {
            stages.put(changed.domainId(), changed.to());
        } else if (event instanceof ContractVersionProposedEvent proposed) {
            sink.accept(new PastCase(PolicyTarget.CONTRACT_PROPOSAL, "contract:" + proposed.contractId() + "/"
                    + proposed.version() + "#" + proposed.revision(), proposed.domain(), stageOf(proposed.domain(),
                    stages), at, ContractProposalFacts.of(proposed)));
        } else if (event instanceof AccessRequestedEvent requested) {
            sink.accept(new PastCase(PolicyTarget.ACCESS_REQUEST, "access:" + requested.requestId(),
                    requested.owningDomain(), stageOf(requested.owningDomain(), stages), at,
                    AccessRequestFacts.of(requested, at)));
        } else if (event instanceof ContractVersionDeprecatedEvent deprecated) {
            if (!deprecated.deprecatedBy().startsWith("system:")) {
                sink.accept(new PastCase(PolicyTarget.DEPRECATION, "deprecation:" + deprecated.deprecationId(),
                        deprecated.domain(), stageOf(deprecated.domain(), stages), at,
                        DeprecationFacts.of(deprecated, at)));
            }
        } else if (event instanceof IncidentRaisedEvent raised) {
            if (raised.rule() == null) {
                sink.accept(new PastCase(PolicyTarget.INCIDENT, "incident:" + raised.incidentId(), raised.domain(),
                        stageOf(raised.domain(), stages), at, IncidentFacts.of(raised)));
            }
        } else if (event instanceof QualityResultsRecordedEvent run) {
            sink.accept(new PastCase(PolicyTarget.QUALITY_RESULT, "quality-run:" + run.contractId() + ":"
                    + run.runId(), run.domain(), stageOf(run.domain(), stages), at, QualityRunFacts.of(run, at)));
        }
    }

    private static OnboardingStage stageOf(String domain, Map<String, OnboardingStage> stages) {
        return stages.getOrDefault(domain, OnboardingStage.PILOT);
    }
}
