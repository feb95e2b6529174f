package org.meshgov.incident.response;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.meshgov.incident.IncidentRaisedEvent;
import org.meshgov.workflow.CaseRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drives BPMN {@code incident} from the event log: one process per incident, from triage to close.
 * Replays never touch processes.
 */
@Component
@ProcessingGroup(IncidentProcess.PROCESSING_GROUP)
@DisallowReplay
public class IncidentProcess {

    public static final String PROCESSING_GROUP = "incident-workflow";
    public static final String PROCESS_KEY = "incident";

    private final RuntimeService runtime;
    private final CaseRegistry cases;
    private final String publicUrl;

    public IncidentProcess(RuntimeService runtime, CaseRegistry cases,
                           @Value("${meshgov.public-url}") String publicUrl) {
        this.runtime = runtime;
        this.cases = cases;
        this.publicUrl = publicUrl;
    }

    @EventHandler
    void on(IncidentRaisedEvent event) {
        if (cases.claim(event.incidentId(), PROCESS_KEY)) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, event.incidentId(), variablesOf(event));
        }
    }

    private Map<String, Object> variablesOf(IncidentRaisedEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentId", event.incidentId());
        variables.put("contractId", event.contractId());
        variables.put("version", event.version());
        variables.put("domain", event.domain());
        variables.put("ownerGroup", event.ownerGroup());
        variables.put("severity", event.severity().name());
        // triage may overwrite severity with what the form sends, including nothing; this is what "keep" means
        variables.put("raisedSeverity", event.severity().name());
        variables.put("kind", event.kind().name());
        variables.put("title", event.title());
        variables.put("description", event.description());
        variables.put("consumers", String.join(",", event.consumers()));
        variables.put("raisedBy", event.raisedBy());
        variables.put("acknowledgeBy", Date.from(event.acknowledgeBy()));
        variables.put("summary", summaryOf(event));
        variables.put("incidentUrl", publicUrl + "/api/incidents/" + event.incidentId());
        return variables;
    }

    private static String summaryOf(IncidentRaisedEvent event) {
        String consumers = event.consumers().isEmpty() ? "no other domain consumes it"
                : "consumed by " + String.join(", ", event.consumers());
        return event.severity() + " " + event.kind() + " on " + event.contractId() + " " + event.version() + ": "
                + event.title() + " (raised by " + event.raisedBy() + ", " + consumers + "; acknowledge by "
                + event.acknowledgeBy() + ")";
    }
}
