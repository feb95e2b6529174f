package org.meshgov.deprecation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.ProposeContractVersionCommand;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.support.Examples;
import org.meshgov.support.Grants;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Processes;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of BPMN {@code deprecation}, driven by real commands on the real engine. */
@MeshgovSpringTest
class DeprecationProcessTest {

    static final Actor OLIVIA = Actor.of("olivia", "orders-owners");
    static final Actor MIA = Actor.of("mia", "marketing-members");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    String contractId;
    String marketingGrant;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        contractId = "deprecate-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        marketingGrant = Grants.grant(contractId, "marketing", MIA, commands, jdbc);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        AbstractAssertions.reset();
    }

    ProcessInstance deprecate() {
        DeprecationOpened opened = commands.sendAndWait(new DeprecateContractVersionCommand(contractId, "1.0.0",
                "moving to the event feed", Instant.now().plus(Duration.ofDays(91)), null, OLIVIA));
        assertThat(opened.consumers()).containsExactly("marketing");
        return Processes.awaitProcess(history, runtime, opened.deprecationId());
    }

    Task acknowledgeTaskOf(ProcessInstance process, String domain) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> taskQuery().processInstanceId(process.getId())
                .taskDefinitionKey("acknowledge").list().stream()
                .filter(t -> domain.equals(tasks.getVariable(t.getId(), "consumerDomain"))).findFirst().orElse(null),
                t -> t != null);
    }

    void complete(Task task, String user, List<String> groups, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    void acknowledgeAsOscar(ProcessInstance process) {
        complete(acknowledgeTaskOf(process, "marketing"), "oscar", List.of("marketing-owners"), Map.of(
                "decision", "acknowledge", "plannedMigration", Date.from(Instant.now().plus(Duration.ofDays(30)))));
    }

    String catalogStatus() {
        return jdbc.queryForObject("SELECT status FROM catalog_contract_version WHERE contract_id = ? AND version = ?",
                String.class, contractId, "1.0.0");
    }

    @Test
    void whenEveryConsumerAcknowledgedTheVersionRetiresAtTheSunsetAndItsGrantsEnd() {
        ProcessInstance deprecation = deprecate();
        acknowledgeAsOscar(deprecation);

        execute(job("sunsetReached", deprecation));

        assertThat(deprecation).hasPassed("checkConsumers", "retired").isEnded();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus().equals("RETIRED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT status FROM access_request WHERE request_id = ?", String.class, marketingGrant)
                .equals("ENDED"));
    }

    @Test
    void aSilentConsumerIsRemindedAndEscalatedToGovernance() {
        ProcessInstance deprecation = deprecate();
        Task silent = acknowledgeTaskOf(deprecation, "marketing");

        execute(job("firstReminderDue", deprecation));

        assertThat(deprecation).hasPassed("remindFirst");
        assertThat(silent).hasCandidateGroup(GlobalGroups.GOVERNANCE_REVIEWERS);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                SELECT consumers -> 'marketing' ->> 'lastReminder' FROM deprecation WHERE deprecation_id = ?""",
                String.class, deprecation.getBusinessKey()), "FIRST"::equals);
    }

    @Test
    void anObjectionLeavesTheSunsetToOwnersAndGovernanceWhoMayRetireAnyway() {
        ProcessInstance deprecation = deprecate();
        complete(acknowledgeTaskOf(deprecation, "marketing"), "oscar", List.of("marketing-owners"),
                Map.of("decision", "object", "comment", "the event feed lacks the channel"));

        execute(job("sunsetReached", deprecation));

        assertThat(deprecation).isWaitingAt("sunsetDecision");
        assertThat(task("sunsetDecision", deprecation)).hasCandidateGroup("orders-owners")
                .hasCandidateGroup(GlobalGroups.GOVERNANCE_REVIEWERS);
        complete(task("sunsetDecision", deprecation), "greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS),
                Map.of("decision", "retire", "comment", "channel is in the feed since 2.1"));
        assertThat(deprecation).hasPassed("retiredAnyway").isEnded();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus().equals("RETIRED"));
    }

    @Test
    void theSunsetCanBeExtendedAndIsWaitedForAgain() {
        ProcessInstance deprecation = deprecate();
        execute(job("sunsetReached", deprecation));
        Date later = Date.from(Instant.now().plus(Duration.ofDays(200)));

        Map<String, Object> extend = new HashMap<>();
        extend.put("decision", "extend");
        extend.put("newSunset", later);
        extend.put("comment", "marketing needs a quarter");
        complete(task("sunsetDecision", deprecation), "olivia", List.of("orders-owners"), extend);

        assertThat(deprecation).isWaitingAt("sunsetReached");
        assertThat(job("sunsetReached", deprecation).getDuedate()).isEqualTo(later);
    }

    @Test
    void aCancelledDeprecationEndsItsProcessAndTheVersionStaysPublished() {
        ProcessInstance deprecation = deprecate();

        commands.sendAndWait(new CancelDeprecationCommand(contractId, "1.0.0", "the feed is late", OLIVIA));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deprecation).hasPassed("cancelledEnd"));
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus().equals("PUBLISHED"));
    }

    @Test
    void publishingANewMajorDeprecatesThePreviousOneWithTheNewAsReplacement() {
        ObjectNode v2 = (ObjectNode) new ContractDocumentParser().parse(Examples.ordersContract(
                "orders-v2.0.0.yaml", contractId).getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
        commands.sendAndWait(new ProposeContractVersionCommand(contractId, v2, "http://localhost/doc",
                Actor.of("mike", "orders-members")));
        ProcessInstance review = Processes.awaitProcess(history, runtime, contractId + ":2.0.0");
        complete(task("ownerReview", review), "olivia", List.of("orders-owners"), Map.of("decision", "approve"));
        complete(task("governanceReview", review), "greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS),
                Map.of("decision", "approve"));

        String deprecationId = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT deprecation_id FROM deprecation WHERE contract_id = ? AND version = '1.0.0'", String.class,
                contractId), rows -> rows.size() == 1).get(0);
        ProcessInstance deprecation = Processes.awaitProcess(history, runtime, deprecationId);
        assertThat(deprecation).isActive();
        assertThat(acknowledgeTaskOf(deprecation, "marketing")).hasCandidateGroup("marketing-owners");
        assertThat(jdbc.queryForObject("SELECT replacement_version FROM deprecation WHERE deprecation_id = ?",
                String.class, deprecationId)).isEqualTo("2.0.0");
    }

    @Test
    void aConsumerGrantedWhileItRunsGetsItsOwnTask() {
        ProcessInstance deprecation = deprecate();
        acknowledgeTaskOf(deprecation, "marketing");

        Grants.grant(contractId, "orders", Actor.of("mike", "orders-members"), commands, jdbc);

        Task orders = acknowledgeTaskOf(deprecation, "orders");
        assertThat(orders).hasCandidateGroup("orders-owners");
    }
}
