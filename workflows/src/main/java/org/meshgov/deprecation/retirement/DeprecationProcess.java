package org.meshgov.deprecation.retirement;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.ContractVersionDeprecatedEvent;
import org.meshgov.deprecation.DeprecationCancelledEvent;
import org.meshgov.deprecation.DeprecationConsumerAddedEvent;
import org.meshgov.deprecation.DeprecationPolicy;
import org.meshgov.deprecation.DeprecationSunsetExtendedEvent;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.workflow.CaseRegistry;
import org.springframework.stereotype.Component;

/**
 * Drives BPMN {@code deprecation} from the event log: one process per deprecation, one task per
 * consumer, the sunset timer moved when the sunset is extended. Replays never touch processes.
 */
@Component
@ProcessingGroup(DeprecationProcess.PROCESSING_GROUP)
@DisallowReplay
public class DeprecationProcess {

    public static final String PROCESSING_GROUP = "deprecation-workflow";
    public static final String PROCESS_KEY = "deprecation";
    static final String CONSUMER_ADDED = "DeprecationConsumerAdded";
    static final String CANCELLED = "DeprecationCancelled";

    private final RuntimeService runtime;
    private final CaseRegistry cases;
    private final DomainDirectory domains;
    private final DeprecationPolicy policy;

    public DeprecationProcess(RuntimeService runtime, CaseRegistry cases, DomainDirectory domains,
                              DeprecationPolicy policy) {
        this.runtime = runtime;
        this.cases = cases;
        this.domains = domains;
        this.policy = policy;
    }

    @EventHandler
    void on(ContractVersionDeprecatedEvent event) {
        if (!cases.claim(event.deprecationId(), PROCESS_KEY)) {
            return;
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, event.deprecationId(), variablesOf(event));
        event.consumers().forEach(consumer -> notify(event.deprecationId(), consumer));
    }

    @EventHandler
    void on(DeprecationConsumerAddedEvent event) {
        notify(event.deprecationId(), event.consumer());
    }

    /** The sunset timer was armed with the old date; when owners extend early, arm it again. */
    @EventHandler
    void on(DeprecationSunsetExtendedEvent event) {
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(event.deprecationId())
                .processDefinitionKey(PROCESS_KEY).singleResult();
        if (process == null || new Date(event.newSunset().toEpochMilli()).equals(
                runtime.getVariable(process.getId(), "sunset"))) {
            return; // ended, or the sunset decision already set the new date and loops back by itself
        }
        runtime.setVariable(process.getId(), "sunset", Date.from(event.newSunset()));
        runtime.setVariable(process.getId(), "summary", summary(event.contractId(), event.version(),
                event.newSunset(), null));
        if (!runtime.createExecutionQuery().processInstanceId(process.getId()).activityId("sunsetReached").list()
                .isEmpty()) {
            runtime.createProcessInstanceModification(process.getId())
                    .cancelAllForActivity("sunsetReached")
                    .startBeforeActivity("sunsetReached")
                    .execute();
        }
    }

    @EventHandler
    void on(DeprecationCancelledEvent event) {
        runtime.createMessageCorrelation(CANCELLED).processInstanceBusinessKey(event.deprecationId()).correlateAll();
    }

    private void notify(String deprecationId, Consumer consumer) {
        // the consumer's variables go to its own task's scope; process-level variables would be overwritten
        runtime.createMessageCorrelation(CONSUMER_ADDED)
                .processInstanceBusinessKey(deprecationId)
                .setVariablesToTriggeredScope(Map.of("consumerDomain", consumer.domain(),
                        "consumerOwnerGroup", consumer.ownerGroup()))
                .correlate();
    }

    private Map<String, Object> variablesOf(ContractVersionDeprecatedEvent event) {
        Instant now = Instant.now();
        Instant finalReminder = event.sunset().minus(policy.finalReminderBefore());
        Map<String, Object> variables = new HashMap<>();
        variables.put("deprecationId", event.deprecationId());
        variables.put("contractId", event.contractId());
        variables.put("version", event.version());
        variables.put("ownerGroup", domains.find(event.domain()).map(DomainProfile::ownerGroup).orElseThrow());
        variables.put("governanceGroup", GlobalGroups.GOVERNANCE_REVIEWERS);
        variables.put("sunset", Date.from(event.sunset()));
        variables.put("firstReminderAt", Date.from(now.plus(policy.firstReminderAfter())));
        variables.put("finalReminderAt", Date.from(finalReminder.isBefore(now) ? now : finalReminder));
        variables.put("summary", summary(event.contractId(), event.version(), event.sunset(),
                event.replacementVersion()) + ": " + event.reason());
        return variables;
    }

    static String summary(String contractId, String version, Instant sunset, String replacement) {
        return contractId + " " + version + " is deprecated until " + sunset
                + (replacement == null ? "" : "; move to " + replacement);
    }
}
