package org.meshgov.infra.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far a workflow's event processor may fall behind the log before the writes that start its
 * processes wait ({@code max-backlog} events), and how long they wait before they are refused with 503
 * ({@code max-wait}). ADR 17.
 */
@ConfigurationProperties("meshgov.workflow-admission")
public record WorkflowAdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("25") long maxBacklog,
        @DefaultValue("10s") Duration maxWait) {

    public WorkflowAdmissionProperties {
        if (maxBacklog < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException(
                    "meshgov.workflow-admission: max-backlog is at least 1 event and max-wait not negative");
        }
    }
}
