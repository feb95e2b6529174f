package org.meshgov.contract.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.ProposeContractVersionCommand;
import org.meshgov.contract.WithdrawContractProposalCommand;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of BPMN {@code contract-review}, driven by real commands on the real engine. */
@MeshgovSpringTest
class ContractReviewProcessTest {

    static final Actor MIKE = Actor.of("mike", "orders-members");

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
    final ContractDocumentParser parser = new ContractDocumentParser();

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        contractId = "review-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        AbstractAssertions.reset();
    }

    ObjectNode document(String file) {
        return (ObjectNode) parser.parse(Examples.ordersContract(file, contractId).getBytes(StandardCharsets.UTF_8),
                DocumentFormat.YAML);
    }

    ProcessInstance propose(JsonNode document) {
        commands.sendAndWait(new ProposeContractVersionCommand(contractId, document, "http://localhost/doc", MIKE));
        return Processes.awaitProcess(history, runtime, contractId + ":" + document.path("version").asText());
    }

    void decideAs(ProcessInstance review, String user, List<String> groups, String decision, String comment) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task(review).getId(), Map.of("decision", decision, "comment", comment));
        } finally {
            identity.clearAuthentication();
        }
    }

    void approveAsOlivia(ProcessInstance review) {
        decideAs(review, "olivia", List.of("orders-owners"), "approve", "fine");
    }

    ProcessInstance publishFirstVersion() {
        ProcessInstance first = propose(document("orders-v1.0.0.yaml"));
        assertThat(first).isWaitingAt("ownerReview");
        approveAsOlivia(first);
        return first;
    }

    String catalogStatus(String version) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT status FROM catalog_contract_version WHERE contract_id = ? AND version = ?", String.class,
                contractId, version), rows -> !rows.isEmpty()).get(0);
    }

    @Test
    void approvedByTheOwnersTheVersionIsPublished() {
        ProcessInstance review = publishFirstVersion();

        assertThat(review).hasPassed("ownerReview", "published").isEnded();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus("1.0.0").equals("PUBLISHED"));
    }

    @Test
    void theOwnersReviewTaskGoesToTheDomainsOwners() {
        ProcessInstance review = propose(document("orders-v1.0.0.yaml"));

        assertThat(review).isWaitingAt("ownerReview");
        assertThat(task(review)).hasCandidateGroup("orders-owners").isNotAssigned();
        assertThat(review).variables().containsEntry("changeLevel", "INITIAL").containsEntry("proposer", "mike");
    }

    @Test
    void changesRequestedThenRevisedTheVersionIsReviewedAgain() {
        ProcessInstance review = propose(document("orders-v1.0.0.yaml"));
        decideAs(review, "olivia", List.of("orders-owners"), "requestChanges", "describe customer_id");
        assertThat(review).isWaitingAt("awaitRevision");

        ObjectNode revised = document("orders-v1.0.0.yaml");
        revised.put("name", "Orders placed (revised)");
        commands.sendAndWait(new ProposeContractVersionCommand(contractId, revised, "http://localhost/doc", MIKE));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(review).isWaitingAt("ownerReview"));
        assertThat(review).variables().containsEntry("revision", 2);
        approveAsOlivia(review);
        assertThat(review).hasPassed("awaitRevision", "published").isEnded();
    }

    @Test
    void rejectedByTheOwnersTheProcessEndsRejected() {
        ProcessInstance review = propose(document("orders-v1.0.0.yaml"));

        decideAs(review, "olivia", List.of("orders-owners"), "reject", "not a data product");

        assertThat(review).hasPassed("rejected").isEnded();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus("1.0.0").equals("REJECTED"));
    }

    @Test
    void anOverdueReviewEscalatesToGovernanceWhichMayThenDecide() {
        ProcessInstance review = propose(document("orders-v1.0.0.yaml"));
        assertThat(review).isWaitingAt("ownerReview");
        assertThat(job("ownerReviewOverdue")).isNotNull();

        execute(job("ownerReviewOverdue"));

        assertThat(review).hasPassed("escalateOwnerReview").isWaitingAt("ownerReview");
        assertThat(task(review)).hasCandidateGroup(GlobalGroups.GOVERNANCE_REVIEWERS);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?
                AND payloadtype = 'org.meshgov.contract.ContractReviewEscalatedEvent'""", Long.class,
                "contract:" + contractId)).isEqualTo(1);
        decideAs(review, "greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS), "approve", "decided on escalation");
        assertThat(review).hasPassed("published").isEnded();
    }

    @Test
    void aWithdrawnProposalEndsItsReview() {
        ProcessInstance review = propose(document("orders-v1.0.0.yaml"));

        commands.sendAndWait(new WithdrawContractProposalCommand(contractId, "1.0.0", "wrong table", MIKE));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(review).hasPassed("withdrawnEnd"));
        assertThat(review).isEnded();
    }

    @Test
    void aCosmeticChangeIsApprovedAutomatically() {
        publishFirstVersion();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus("1.0.0").equals("PUBLISHED"));
        ObjectNode cosmetic = document("orders-v1.0.0.yaml");
        cosmetic.put("version", "1.0.1");
        ((ObjectNode) cosmetic.path("schema").get(0)).put("description", "One row per placed order, final.");

        ProcessInstance review = propose(cosmetic);

        assertThat(review).hasPassed("approveCosmeticChange", "publishedAutomatically").isEnded();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogStatus("1.0.1").equals("PUBLISHED"));
    }

    @Test
    void aBreakingChangeIsPublishedOnlyAfterGovernanceApprovesToo() {
        publishFirstVersion();
        ProcessInstance review = propose(document("orders-v2.0.0.yaml"));
        approveAsOlivia(review);
        assertThat(review).isWaitingAt("governanceReview");
        assertThat(task(review)).hasCandidateGroup(GlobalGroups.GOVERNANCE_REVIEWERS);

        decideAs(review, "greta", List.of(GlobalGroups.GOVERNANCE_REVIEWERS), "approve", "consumers told");

        assertThat(review).hasPassed("publishedAfterGovernance").isEnded();
    }
}
