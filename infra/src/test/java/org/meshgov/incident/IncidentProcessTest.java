package org.meshgov.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.incident.response.IncidentProcess;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Processes;
import org.meshgov.support.PublishedContract;
import org.meshgov.workflow.CaseRegistry;
import org.meshgov.workflow.WorkflowRefusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of BPMN {@code incident}, and raising one in the Tasklist, driven by real commands on the real engine. */
@MeshgovSpringTest
class IncidentProcessTest {

    static final Actor MIKE = Actor.of("mike", "orders-members");
    static final List<String> OWNERS = List.of("orders-owners");
    static final List<String> MEMBERS = List.of("orders-members");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    FilterService filters;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    IncidentProcess starter;
    @Autowired
    CaseRegistry cases;

    String contractId;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        contractId = "incident-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        ClockUtil.reset();
        AbstractAssertions.reset();
    }

    ProcessInstance raise(IncidentSeverity severity) {
        IncidentRaised raised = commands.sendAndWait(new RaiseIncidentCommand(UUID.randomUUID().toString(),
                contractId, null, IncidentKind.FRESHNESS, severity, "Orders arrive late",
                "the nightly load finished at 09:00 instead of 02:00", MIKE));
        String incidentId = raised.incidentId();
        return Processes.awaitProcess(history, runtime, incidentId);
    }

    void complete(ProcessInstance process, String taskKey, String user, List<String> groups,
                  Map<String, Object> variables) {
        // found before logging in: a user the engine does not let see the task must still be able to try
        String taskId = task(taskKey, process).getId();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    void triageAsOlivia(ProcessInstance process) {
        complete(process, "triage", "olivia", OWNERS, Map.of("decision", "acknowledge", "assignee", "mike",
                "comment", "the loader is stuck"));
    }

    void resolveAsMike(ProcessInstance process, String resolution) {
        complete(process, "resolution", "mike", MEMBERS, Map.of("resolution", resolution,
                "comment", "restarted the loader and backfilled"));
    }

    <T> List<T> events(ProcessInstance process, Class<T> type) {
        return eventStore.readEvents(Incident.aggregateId(process.getBusinessKey())).asStream()
                .map(Message::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    /** The engine wraps what a task listener throws; /engine-rest answers with the refusal inside. */
    WorkflowRefusal refusalOf(Runnable completion) {
        Throwable thrown = catchThrowable(completion::run);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof WorkflowRefusal refusal) {
                return refusal;
            }
        }
        throw new AssertionError("expected a refusal, got " + thrown, thrown);
    }

    List<String> filtered(String filterName, String user, List<String> groups) {
        String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        identity.setAuthentication(user, groups);
        try {
            return filters.<Task>list(filterId).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    ProcessInstance submitRaiseForm(String user, List<String> groups) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("raise-incident")
                .latestVersion().singleResult().getId();
        identity.setAuthentication(user, groups);
        try {
            return forms.submitStartForm(definition, Map.of("contractId", contractId, "kind", "SCHEMA",
                    "severity", "SEV2", "title", "order_total became a string",
                    "description", "since 1.0.0 went live the loader writes order_total as text"));
        } finally {
            identity.clearAuthentication();
        }
    }

    long raisedIncidents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Long.class,
                IncidentRaisedEvent.class.getName());
    }

    /**
     * The engine's clock moves past a timer and its job executor, woken at once, fires it. Executing
     * the job from the test instead would race the executor, which sees the same job due.
     */
    void passEngineClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    }

    @Test
    void anIncidentAcknowledgedInTimeGoesToItsAssigneeWithoutEscalation() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);
        assertThat(task("triage", incident)).hasCandidateGroup("orders-owners")
                .hasDueDate(Date.from(events(incident, IncidentRaisedEvent.class).get(0).acknowledgeBy()));

        complete(incident, "triage", "olivia", OWNERS, Map.of("decision", "acknowledge", "severity", "SEV2",
                "assignee", " mike "));

        assertThat(incident).isWaitingAt("resolution").hasNotPassed("escalateIncident").variables()
                .containsEntry("severity", "SEV2").containsEntry("assignee", "mike");
        assertThat(task("resolution", incident)).isAssignedTo("mike");
        assertThat(events(incident, IncidentAcknowledgedEvent.class)).singleElement()
                .extracting(IncidentAcknowledgedEvent::severity).isEqualTo(IncidentSeverity.SEV2);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(incident.getId()).count())
                .as("the acknowledgement timer ends with the triage").isZero();
        assertThat(events(incident, IncidentEscalatedEvent.class)).isEmpty();
    }

    @Test
    void triageWithoutAChosenSeverityKeepsTheRaisedOne() {
        ProcessInstance incident = raise(IncidentSeverity.SEV4);
        Map<String, Object> noSeverity = new HashMap<>(Map.of("decision", "acknowledge", "assignee", "olivia"));
        noSeverity.put("severity", null);

        complete(incident, "triage", "olivia", OWNERS, noSeverity);

        assertThat(incident).isWaitingAt("resolution").variables().containsEntry("severity", "SEV4");
        assertThat(task("resolution", incident)).isAssignedTo("olivia");
    }

    @ParameterizedTest(name = "a {0} incident nobody acknowledges in its time is escalated to governance")
    @EnumSource(IncidentSeverity.class)
    void anIncidentNobodyAcknowledgesInItsSeveritysTimeIsEscalatedToGovernance(IncidentSeverity severity) {
        ProcessInstance incident = raise(severity);
        Instant acknowledgeBy = events(incident, IncidentRaisedEvent.class).get(0).acknowledgeBy();
        Job timer = job("acknowledgementOverdue", incident);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(acknowledgeBy));

        passEngineClockTo(acknowledgeBy.plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> events(incident, IncidentEscalatedEvent.class),
                escalations -> !escalations.isEmpty());
        assertThat(events(incident, IncidentEscalatedEvent.class)).singleElement().satisfies(escalation -> {
            assertThat(escalation.acknowledgeBy()).isEqualTo(acknowledgeBy);
            assertThat(escalation.escalatedTo()).isEqualTo(GlobalGroups.GOVERNANCE_REVIEWERS);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(incident).hasPassed("escalated"));
        assertThat(incident).isWaitingAt("triage");
        assertThat(task("triage", incident)).hasCandidateGroup("orders-owners")
                .hasCandidateGroup(GlobalGroups.GOVERNANCE_REVIEWERS);
    }

    @Test
    void onceEscalatedGovernanceMayTriageTheIncident() {
        ProcessInstance incident = raise(IncidentSeverity.SEV2);
        passEngineClockTo(events(incident, IncidentRaisedEvent.class).get(0).acknowledgeBy().plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(incident).hasPassed("escalated"));

        complete(incident, "triage", "greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS),
                Map.of("decision", "acknowledge", "assignee", "mike", "comment", "owners are on holiday"));

        assertThat(incident).isWaitingAt("resolution");
        assertThat(events(incident, IncidentAcknowledgedEvent.class)).singleElement()
                .extracting(IncidentAcknowledgedEvent::acknowledgedBy).isEqualTo("greta");
    }

    @Test
    void aResolvedSev3IncidentClosesWithoutPostmortem() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);
        triageAsOlivia(incident);

        resolveAsMike(incident, "fixed-at-source");

        assertThat(incident).hasPassed("closeIncident", "closed").hasNotPassed("postmortem").isEnded()
                .variables().containsEntry("postmortemRequired", false);
        assertThat(events(incident, IncidentClosedEvent.class)).singleElement()
                .extracting(IncidentClosedEvent::closedBy).isEqualTo("system:incident-process");
    }

    @Test
    void aResolvedSev1IncidentClosesOnlyAfterItsPostmortem() {
        ProcessInstance incident = raise(IncidentSeverity.SEV1);
        triageAsOlivia(incident);

        resolveAsMike(incident, "upstream");

        assertThat(incident).isWaitingAt("postmortem").variables().containsEntry("postmortemRequired", true);
        assertThat(task("postmortem", incident)).isAssignedTo("mike");
        assertThat(tasks.getIdentityLinksForTask(task("postmortem", incident).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("orders-owners"));
        assertThat(events(incident, IncidentClosedEvent.class)).isEmpty();

        complete(incident, "postmortem", "mike", MEMBERS, Map.of("postmortem", "https://wiki.local/pm/42"));

        assertThat(incident).hasPassed("closeIncident", "closed").isEnded();
        assertThat(events(incident, PostmortemRecordedEvent.class)).singleElement()
                .extracting(PostmortemRecordedEvent::postmortem).isEqualTo("https://wiki.local/pm/42");
        assertThat(events(incident, IncidentClosedEvent.class)).hasSize(1);
    }

    @Test
    void aFalsePositiveSev1IncidentClosesWithoutPostmortem() {
        ProcessInstance incident = raise(IncidentSeverity.SEV1);
        triageAsOlivia(incident);

        resolveAsMike(incident, "false-positive");

        assertThat(incident).hasPassed("closed").hasNotPassed("postmortem").isEnded();
        assertThat(events(incident, IncidentClosedEvent.class)).hasSize(1);
    }

    @Test
    void aTriageThatDoesNotAcknowledgeIsRefusedAndChangesNothing() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);

        WorkflowRefusal refusal = refusalOf(() -> complete(incident, "triage", "olivia", OWNERS,
                Map.of("decision", "dismiss", "assignee", "mike")));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.violations()).singleElement().satisfies(v -> assertThat(v.path())
                .isEqualTo("$.variables.decision"));
        assertThat(incident).isWaitingAt("triage");
        assertThat(events(incident, IncidentAcknowledgedEvent.class)).isEmpty();
    }

    @Test
    void aTriageWithAnUnknownSeverityIsRefused() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);

        WorkflowRefusal refusal = refusalOf(() -> complete(incident, "triage", "olivia", OWNERS,
                Map.of("decision", "acknowledge", "severity", "SEV0", "assignee", "mike")));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.violations()).singleElement().satisfies(v -> assertThat(v.path())
                .isEqualTo("$.variables.severity"));
        assertThat(incident).isWaitingAt("triage");
    }

    @Test
    void aMemberWhoIsNoOwnerCannotTriage() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);

        // the engine refuses first, as /engine-rest does with 403: only the owners are candidates
        assertThat(catchThrowable(() -> complete(incident, "triage", "mike", MEMBERS,
                Map.of("decision", "acknowledge", "assignee", "mike")))).isInstanceOf(AuthorizationException.class);

        assertThat(incident).isWaitingAt("triage");
        assertThat(events(incident, IncidentAcknowledgedEvent.class)).isEmpty();
    }

    @Test
    void theCamundaAdminWhomTheEngineLetsThroughIsRefusedByTheIncident() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);

        WorkflowRefusal refusal = refusalOf(() -> complete(incident, "triage", "admin",
                List.of(Groups.CAMUNDA_ADMIN, GlobalGroups.PLATFORM_ADMINS),
                Map.of("decision", "acknowledge", "assignee", "mike")));

        assertThat(refusal.status()).isEqualTo(403);
        assertThat(incident).isWaitingAt("triage");
        assertThat(events(incident, IncidentAcknowledgedEvent.class)).isEmpty();
    }

    @Test
    void ownersFindTheTriageAndTheAssigneeTheResolutionInTheirTasklistFilters() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);
        assertThat(filtered("My review tasks", "olivia", OWNERS)).contains(task("triage", incident).getId());

        triageAsOlivia(incident);

        assertThat(filtered("Assigned to me", "mike", MEMBERS)).contains(task("resolution", incident).getId());
    }

    @Test
    void anUnknownResolutionIsRefused() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);
        triageAsOlivia(incident);

        WorkflowRefusal refusal = refusalOf(() -> resolveAsMike(incident, "gone-away"));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.violations()).singleElement().satisfies(v -> assertThat(v.path())
                .isEqualTo("$.variables.resolution"));
        assertThat(incident).isWaitingAt("resolution");
        assertThat(events(incident, IncidentResolvedEvent.class)).isEmpty();
    }

    @Test
    void aResolutionNeedsItsOwnComment() {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);
        triageAsOlivia(incident);

        WorkflowRefusal refusal = refusalOf(() -> complete(incident, "resolution", "mike", MEMBERS,
                Map.of("resolution", "fixed-at-source")));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("$.comment"));
        assertThat(incident).isWaitingAt("resolution");
    }

    @Test
    void anIncidentRaisedFromTheTasklistStartFormStartsItsOwnProcess() {
        ProcessInstance raising = submitRaiseForm("olivia", OWNERS);

        String incidentId = (String) history.createHistoricVariableInstanceQuery()
                .processInstanceId(raising.getId()).variableName("incidentId").singleResult().getValue();
        ProcessInstance incident = Processes.awaitProcess(history, runtime, incidentId);
        assertThat(incident.getProcessDefinitionKey()).isEqualTo(IncidentProcess.PROCESS_KEY);
        assertThat(incident).isWaitingAt("triage").variables().containsEntry("raisedBy", "olivia")
                .containsEntry("kind", "SCHEMA").containsEntry("version", "1.0.0");
    }

    @Test
    void theStartFormOfSomeoneWithNoStakeInTheContractIsRefused() {
        long raisedBefore = raisedIncidents();

        WorkflowRefusal refusal = refusalOf(() -> submitRaiseForm("mia", List.of("marketing-members")));

        assertThat(refusal.status()).isEqualTo(403);
        assertThat(raisedIncidents()).isEqualTo(raisedBefore);
    }

    @Test
    void aRedeliveredRaiseStartsNoSecondProcess() throws Exception {
        ProcessInstance incident = raise(IncidentSeverity.SEV3);
        IncidentRaisedEvent raised = events(incident, IncidentRaisedEvent.class).get(0);
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(starter);

        transaction.executeWithoutResult(status -> {
            try {
                handler.handle(GenericEventMessage.asEventMessage(raised));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(raised.incidentId())
                .count()).isEqualTo(1);
        assertThat(cases.claim(raised.incidentId(), IncidentProcess.PROCESS_KEY)).isFalse();
    }
}
