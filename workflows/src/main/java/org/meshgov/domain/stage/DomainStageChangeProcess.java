package org.meshgov.domain.stage;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.meshgov.domain.DomainStageChangeRequestedEvent;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.workflow.CaseRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts BPMN {@code domain-stage-change} once per requested move, for the governance group to
 * decide. Replays never touch processes.
 */
@Component
@ProcessingGroup(DomainStageChangeProcess.PROCESSING_GROUP)
@DisallowReplay
public class DomainStageChangeProcess {

    public static final String PROCESSING_GROUP = "domain-stage-workflow";
    public static final String PROCESS_KEY = "domain-stage-change";

    private final RuntimeService runtime;
    private final CaseRegistry cases;
    private final String publicUrl;

    public DomainStageChangeProcess(RuntimeService runtime, CaseRegistry cases,
                                    @Value("${meshgov.public-url}") String publicUrl) {
        this.runtime = runtime;
        this.cases = cases;
        this.publicUrl = publicUrl;
    }

    /** Business key: {@code <domainId>:<requestId>}. */
    public static String businessKey(String domainId, String requestId) {
        return domainId + ":" + requestId;
    }

    @EventHandler
    void on(DomainStageChangeRequestedEvent event) {
        String businessKey = businessKey(event.domainId(), event.requestId());
        if (cases.claim(businessKey, PROCESS_KEY)) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, variablesOf(event));
        }
    }

    private Map<String, Object> variablesOf(DomainStageChangeRequestedEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("domainId", event.domainId());
        variables.put("requestId", event.requestId());
        variables.put("fromStage", event.from().name());
        variables.put("toStage", event.to().name());
        variables.put("requester", event.requestedBy());
        variables.put("governanceGroup", GlobalGroups.GOVERNANCE_REVIEWERS);
        variables.put("summary", event.requestedBy() + " asks to move " + event.domainId() + " from " + event.from()
                + " to " + event.to() + (event.reason() == null ? "" : ": " + event.reason()));
        variables.put("domainUrl", publicUrl + "/api/domains/" + event.domainId());
        return variables;
    }
}
