package org.meshgov.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.TestDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** BPMN {@code domain-stage-change}: owners ask, governance decides, the domain shows its stage and history. */
@MeshgovSpringTest
class DomainStageChangeProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    Api api;
    TestDomain domain;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        domain = TestDomain.register("stage", api, identity, tasks);
    }

    Api.Reply ask(String user, String stage, String reason) {
        return api.post(user, "/api/domains/" + domain.id() + "/stage-changes", "application/json",
                "{\"stage\":\"" + stage + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    JsonNode domainAsMia() {
        return api.get("mia", "/api/domains/" + domain.id()).json();
    }

    @Test
    void aNewDomainStartsAsAPilot() {
        JsonNode shown = domainAsMia();
        assertThat(shown.path("stage").asText()).isEqualTo("PILOT");
        assertThat(shown.path("stageHistory")).isEmpty();
        assertThat(api.get("mia", "/api/domains").json().findValuesAsText("stage")).contains("PILOT");
    }

    @Test
    void theOwnersAskGovernanceApprovesInTheTasklistAndTheDomainShowsItsNewStageAndHistory() {
        Api.Reply asked = ask(domain.owner(), "ONBOARDING", "two contracts in production");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().path("status").asText()).isEqualTo("PENDING");
        String requestId = asked.json().path("requestId").asText();

        Task task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(domain.id() + ":" + requestId).singleResult(), t -> t != null);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("decideStageChange");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("governance-reviewers").count())
                .isEqualTo(1);
        assertThat((String) tasks.getVariable(task.getId(), "summary"))
                .contains("from PILOT to ONBOARDING", "two contracts in production");
        assertThat(domainAsMia().path("stageHistory").get(0).path("status").asText()).isEqualTo("PENDING");

        domain.decide(requestId, "approve", "well run");

        await().atMost(Duration.ofSeconds(20)).until(() -> domainAsMia().path("stage").asText().equals("ONBOARDING"));
        JsonNode change = domainAsMia().path("stageHistory").get(0);
        assertThat(change.path("from").asText()).isEqualTo("PILOT");
        assertThat(change.path("to").asText()).isEqualTo("ONBOARDING");
        assertThat(change.path("status").asText()).isEqualTo("APPROVED");
        assertThat(change.path("requestedBy").asText()).isEqualTo(domain.owner());
        assertThat(change.path("decidedBy").asText()).isEqualTo("greta");
        assertThat(change.path("reason").asText()).isEqualTo("two contracts in production");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(domain.id() + ":" + requestId).finished().count()).isEqualTo(1);
    }

    @Test
    void aRejectionKeepsTheStageAndIsKeptInTheHistory() {
        String requestId = ask("admin", "ONBOARDING", null).json().path("requestId").asText();
        domain.decide(requestId, "reject", "no support channel yet");
        await().atMost(Duration.ofSeconds(20)).until(() -> domainAsMia().path("stageHistory").get(0)
                .path("status").asText().equals("REJECTED"));
        assertThat(domainAsMia().path("stage").asText()).isEqualTo("PILOT");
        assertThat(domainAsMia().path("stageHistory").get(0).path("comment").asText())
                .isEqualTo("no support channel yet");
    }

    @Test
    void aDomainFallsBackOnlyWithAReason() {
        domain.moveTo(OnboardingStage.FEDERATED);
        Api.Reply withoutReason = ask(domain.owner(), "PILOT", null);
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.json().path("violations").get(0).path("rule").asText()).isEqualTo("reason-required");

        String requestId = ask(domain.owner(), "PILOT", "three incidents this quarter").json().path("requestId")
                .asText();
        domain.decide(requestId, "approve", "agreed");
        await().atMost(Duration.ofSeconds(20)).until(() -> domainAsMia().path("stage").asText().equals("PILOT"));
        assertThat(domainAsMia().path("stageHistory").findValuesAsText("to"))
                .containsExactly("ONBOARDING", "FEDERATED", "PILOT");
    }

    @Test
    void membersMayNotAskAndAnUnknownStageIsRefused() {
        assertThat(ask(domain.member(), "ONBOARDING", null).status()).isEqualTo(403);
        assertThat(ask(domain.owner(), "GALACTIC", null).status()).isEqualTo(422);
        assertThat(api.post(domain.owner(), "/api/domains/nowhere/stage-changes", "application/json",
                "{\"stage\":\"ONBOARDING\"}").status()).isEqualTo(404);
    }

    @Test
    void aSecondRequestWaitsForTheFirstToBeDecided() {
        assertThat(ask(domain.owner(), "ONBOARDING", null).status()).isEqualTo(202);
        Api.Reply second = ask("admin", "ONBOARDING", null);
        assertThat(second.status()).isEqualTo(409);
    }

    @Test
    void theOwnersCannotDecideTheGovernanceTask() {
        String requestId = ask(domain.owner(), "ONBOARDING", null).json().path("requestId").asText();
        Task task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(domain.id() + ":" + requestId).singleResult(), t -> t != null);
        identity.setAuthentication(domain.owner(), List.of(domain.ownerGroup()));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(task.getId(),
                    Map.of("decision", "approve"))).isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(domainAsMia().path("stage").asText()).isEqualTo("PILOT");
    }
}
