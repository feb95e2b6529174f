package org.meshgov.access.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.meshgov.access.AccessEndedEvent;
import org.meshgov.access.AccessPolicy;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.workflow.CaseRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drives BPMN {@code access-request} from the event log: one process per request, which also
 * watches the grant until it ends. Replays never touch processes.
 */
@Component
@ProcessingGroup(AccessRequestProcess.PROCESSING_GROUP)
@DisallowReplay
public class AccessRequestProcess {

    public static final String PROCESSING_GROUP = "access-request-workflow";
    public static final String PROCESS_KEY = "access-request";
    static final String REVOKED = "AccessRevoked";

    private final RuntimeService runtime;
    private final CaseRegistry cases;
    private final AccessPolicy policy;
    private final String decisionSla;
    private final String publicUrl;

    public AccessRequestProcess(RuntimeService runtime, CaseRegistry cases, AccessPolicy policy,
                                @Value("${meshgov.access.decision-sla}") String decisionSla,
                                @Value("${meshgov.public-url}") String publicUrl) {
        this.runtime = runtime;
        this.cases = cases;
        this.policy = policy;
        this.decisionSla = decisionSla;
        this.publicUrl = publicUrl;
    }

    @EventHandler
    void on(AccessRequestedEvent event) {
        if (cases.claim(event.requestId(), PROCESS_KEY)) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, event.requestId(), variablesOf(event));
        }
    }

    @EventHandler
    void on(AccessRevokedEvent event) {
        runtime.createMessageCorrelation(REVOKED).processInstanceBusinessKey(event.grantId()).correlateAll();
    }

    /** A grant that ended with its retired version stops its timers the way a revoked one does. */
    @EventHandler
    void on(AccessEndedEvent event) {
        runtime.createMessageCorrelation(REVOKED).processInstanceBusinessKey(event.grantId()).correlateAll();
    }

    private Map<String, Object> variablesOf(AccessRequestedEvent event) {
        Instant reminder = event.until().minus(policy.renewalNotice());
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", event.requestId());
        variables.put("contractId", event.contractId());
        variables.put("majorVersion", event.majorVersion());
        variables.put("consumerDomain", event.consumerDomain());
        variables.put("requester", event.requestedBy());
        variables.put("purpose", event.purpose());
        variables.put("properties", String.join(",", event.properties()));
        variables.put("ownerGroup", event.ownerGroup());
        variables.put("privacyReview", !event.sensitiveProperties().isEmpty());
        variables.put("grantedAtOnce", event.approvalsNeeded().isEmpty());
        variables.put("privacyGroup", GlobalGroups.PRIVACY_OFFICERS);
        variables.put("governanceGroup", GlobalGroups.GOVERNANCE_REVIEWERS);
        variables.put("consumerOwnerGroup", event.consumerOwnerGroup());
        variables.put("decisionSla", decisionSla);
        variables.put("until", Date.from(event.until()));
        variables.put("renewalReminderAt", Date.from(reminder.isBefore(Instant.now()) ? Instant.now() : reminder));
        variables.put("summary", summaryOf(event));
        variables.put("requestUrl", publicUrl + "/api/access-requests/" + event.requestId());
        return variables;
    }

    private static String summaryOf(AccessRequestedEvent event) {
        String what = event.properties().isEmpty() ? "the whole contract" : String.join(", ", event.properties());
        String personal = event.sensitiveProperties().isEmpty() ? ""
                : " (personal data: " + String.join(", ", event.sensitiveProperties()) + ")";
        return event.consumerDomain() + " asks for " + what + personal + " of " + event.contractId() + " "
                + event.majorVersion() + ".x until " + event.until() + ", for: " + event.purpose()
                + " (requested by " + event.requestedBy() + ", " + Duration.between(Instant.now(), event.until())
                .toDays() + " days)" + policyWarningsOf(event);
    }

    /** The approvers see what the policy set advised against. */
    private static String policyWarningsOf(AccessRequestedEvent event) {
        if (event.policy() == null || event.policy().warnings().isEmpty()) {
            return "";
        }
        return ". Policy warnings (policy set version " + event.policy().policyVersion() + "): "
                + String.join("; ", event.policy().warningLines());
    }
}
