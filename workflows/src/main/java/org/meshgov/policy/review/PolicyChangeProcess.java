package org.meshgov.policy.review;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.policy.PolicyChangeProposedEvent;
import org.meshgov.workflow.CaseRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts BPMN {@code policy-change} once per proposed version of the policy set, for the governance
 * group to review. Replays never touch processes.
 */
@Component
@ProcessingGroup(PolicyChangeProcess.PROCESSING_GROUP)
@DisallowReplay
public class PolicyChangeProcess {

    public static final String PROCESSING_GROUP = "policy-change-workflow";
    public static final String PROCESS_KEY = "policy-change";

    private final RuntimeService runtime;
    private final CaseRegistry cases;
    private final String publicUrl;

    public PolicyChangeProcess(RuntimeService runtime, CaseRegistry cases,
                               @Value("${meshgov.public-url}") String publicUrl) {
        this.runtime = runtime;
        this.cases = cases;
        this.publicUrl = publicUrl;
    }

    /** Business key: {@code policy-set:<version>}. */
    public static String businessKey(long version) {
        return "policy-set:" + version;
    }

    @EventHandler
    void on(PolicyChangeProposedEvent event) {
        String businessKey = businessKey(event.version());
        if (cases.claim(businessKey, PROCESS_KEY)) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, variablesOf(event));
        }
    }

    private Map<String, Object> variablesOf(PolicyChangeProposedEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("version", event.version());
        variables.put("basedOn", event.basedOn());
        variables.put("proposer", event.proposedBy());
        variables.put("governanceGroup", GlobalGroups.GOVERNANCE_REVIEWERS);
        variables.put("summary", event.proposedBy() + " proposes version " + event.version() + " of the policy set"
                + " (replacing " + event.basedOn() + "): " + event.reason());
        variables.put("changes", String.join("\n", event.changes()));
        variables.put("documentUrl", publicUrl + "/api/policies/versions/" + event.version() + "/document");
        variables.put("whatIf", "POST the document to " + publicUrl + "/api/policies/what-if to see which past"
                + " cases it would have refused or warned");
        return variables;
    }
}
