package org.meshgov.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
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
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Processes;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of BPMN {@code access-request}, driven by real commands on the real engine. */
@MeshgovSpringTest
class AccessRequestProcessTest {

    static final Actor MIA = Actor.of("mia", "marketing-members");
    static final List<String> PLAIN = List.of("orders.order_id", "orders.order_total");
    static final List<String> WITH_CUSTOMER = List.of("orders.customer_id", "orders.order_id");
    static final String PURPOSE = "weekly campaign attribution per order channel";

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

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        contractId = "access-" + UUID.randomUUID();
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        AbstractAssertions.reset();
    }

    ProcessInstance request(List<String> properties, Actor actor, String consumerDomain) {
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestAccessCommand(requestId, contractId, 1, consumerDomain, PURPOSE, properties,
                Instant.now().plus(Duration.ofDays(60)), null, actor));
        return Processes.awaitProcess(history, runtime, requestId);
    }

    ProcessInstance requestAsMia(List<String> properties) {
        return request(properties, MIA, "marketing");
    }

    void complete(ProcessInstance process, String taskKey, String user, List<String> groups,
                  Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task(taskKey, process).getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    void decide(ProcessInstance process, String taskKey, String user, String group, String decision) {
        complete(process, taskKey, user, List.of(group), Map.of("decision", decision, "comment", decision + "d"));
    }

    String status(ProcessInstance process) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT status FROM access_request WHERE request_id = ?", String.class, process.getBusinessKey()),
                rows -> !rows.isEmpty()).get(0);
    }

    void awaitStatus(ProcessInstance process, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status(process).equals(expected));
    }

    @Test
    void theOwnersAloneGrantAccessToPlainProperties() {
        ProcessInstance access = requestAsMia(PLAIN);
        assertThat(access).isWaitingAt("ownerApproval");
        assertThat(task("ownerApproval", access)).hasCandidateGroup("orders-owners");

        decide(access, "ownerApproval", "olivia", "orders-owners", "approve");

        assertThat(access).hasPassed("approvalComplete").isWaitingAt("renewalDue", "grantExpires");
        awaitStatus(access, "GRANTED");
    }

    @Test
    void personalDataNeedsTheOwnersAndAPrivacyOfficerInParallel() {
        ProcessInstance access = requestAsMia(WITH_CUSTOMER);
        assertThat(access).isWaitingAt("ownerApproval", "privacyApproval");
        assertThat(task("privacyApproval", access)).hasCandidateGroup(GlobalGroups.PRIVACY_OFFICERS);

        decide(access, "ownerApproval", "olivia", "orders-owners", "approve");
        assertThat(access).isWaitingAt("privacyApproval");
        decide(access, "privacyApproval", "priya", GlobalGroups.PRIVACY_OFFICERS, "approve");

        assertThat(access).hasPassed("approvalComplete");
        awaitStatus(access, "GRANTED");
    }

    @Test
    void aDenialByEitherPartyEndsTheRequest() {
        ProcessInstance access = requestAsMia(WITH_CUSTOMER);

        decide(access, "privacyApproval", "priya", GlobalGroups.PRIVACY_OFFICERS, "deny");

        assertThat(access).hasPassed("deniedEnd").isEnded();
        awaitStatus(access, "DENIED");
    }

    @Test
    void anUndecidedRequestEscalatesToGovernanceWhichMayThenDecide() {
        ProcessInstance access = requestAsMia(PLAIN);

        execute(job("approvalOverdue", access));

        assertThat(access).hasPassed("escalateAccessRequest").isWaitingAt("ownerApproval");
        assertThat(task("ownerApproval", access)).hasCandidateGroup(GlobalGroups.GOVERNANCE_REVIEWERS);
        decide(access, "ownerApproval", "greta", GlobalGroups.GOVERNANCE_REVIEWERS, "approve");
        awaitStatus(access, "GRANTED");
    }

    @Test
    void beforeTheEndTheConsumersOwnersMayLetTheGrantLapse() {
        ProcessInstance access = requestAsMia(PLAIN);
        decide(access, "ownerApproval", "olivia", "orders-owners", "approve");

        execute(job("renewalDue", access));

        assertThat(access).isWaitingAt("renewalDecision", "grantExpires");
        assertThat(task("renewalDecision", access)).hasCandidateGroup("marketing-owners");
        complete(access, "renewalDecision", "oscar", List.of("marketing-owners"),
                Map.of("decision", "lapse", "comment", "campaign over"));
        assertThat(access).hasPassed("renewalDecided").isWaitingAt("grantExpires");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT renewal_declined_at IS NOT NULL FROM access_request WHERE request_id = ?", Boolean.class,
                access.getBusinessKey()));
    }

    @Test
    void renewingIsANewRequestThroughTheSameGuardrails() {
        ProcessInstance access = requestAsMia(PLAIN);
        decide(access, "ownerApproval", "olivia", "orders-owners", "approve");
        execute(job("renewalDue", access));

        Map<String, Object> renew = new HashMap<>();
        renew.put("decision", "renew");
        renew.put("newUntil", Date.from(Instant.now().plus(Duration.ofDays(200))));
        complete(access, "renewalDecision", "oscar", List.of("marketing-owners"), renew);

        String renewal = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT request_id FROM access_request WHERE renews_grant_id = ?", String.class,
                access.getBusinessKey()), rows -> rows.size() == 1).get(0);
        ProcessInstance renewalProcess = Processes.awaitProcess(history, runtime, renewal);
        assertThat(renewalProcess).isWaitingAt("ownerApproval");
    }

    @Test
    void atItsEndTheGrantExpiresByItself() {
        ProcessInstance access = requestAsMia(PLAIN);
        decide(access, "ownerApproval", "olivia", "orders-owners", "approve");
        execute(job("renewalDue", access));

        execute(job("grantExpires", access));

        assertThat(access).hasPassed("expireGrant", "expired").isEnded();
        awaitStatus(access, "EXPIRED");
    }

    @Test
    void aRevokedGrantEndsItsProcess() {
        ProcessInstance access = requestAsMia(PLAIN);
        decide(access, "ownerApproval", "olivia", "orders-owners", "approve");
        awaitStatus(access, "GRANTED");

        commands.sendAndWait(new RevokeAccessCommand(access.getBusinessKey(), "purpose fulfilled",
                Actor.of("priya", GlobalGroups.PRIVACY_OFFICERS)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(access).hasPassed("revokedEnd"));
        awaitStatus(access, "REVOKED");
    }

    @Test
    void theOwningDomainIsGrantedAtOnceAndOnlyTheTimersRun() {
        ProcessInstance access = request(PLAIN, Actor.of("mike", "orders-members"), "orders");

        assertThat(access).hasNotPassed("approval").isWaitingAt("renewalDue", "grantExpires");
        awaitStatus(access, "GRANTED");
    }
}
