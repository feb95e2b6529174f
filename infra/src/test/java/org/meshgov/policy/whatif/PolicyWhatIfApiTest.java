package org.meshgov.policy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.policy.PolicyCompiler;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.TestDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/policies/what-if} over the engine's own event log. */
@MeshgovSpringTest
class PolicyWhatIfApiTest {

    static final String SENSITIVE_RULE = "sensitive-property-quality-and-classification";
    /** The shipped set with the sensitive-data rule enforced for pilots too. */
    static final String STRICT_FOR_PILOTS = PolicyCompiler.defaultPolicySet().replace("""
            at least one quality rule
                enforcement: {pilot: advisory, onboarding: advisory, federated: enforced}""", """
            at least one quality rule
                enforcement: {pilot: enforced, onboarding: enforced, federated: enforced}""");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestDomain domain;
    String contractId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        domain = TestDomain.register("whatif", api, identity, tasks);
        contractId = "whatif-" + UUID.randomUUID();
        Api.Reply proposed = api.post(domain.member(), "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.0.0.yaml", contractId).replace("domain: orders",
                        "domain: " + domain.id()));
        assertThat(proposed.status()).isEqualTo(202);
    }

    Api.Reply whatIf(String user, String draft) {
        return api.post(user, "/api/policies/what-if?limit=1000", "application/yaml", draft);
    }

    static JsonNode domainOutcome(JsonNode report, String rule, String domain) {
        for (JsonNode outcome : report.path("rules")) {
            if (outcome.path("rule").asText().equals(rule)) {
                for (JsonNode byDomain : outcome.path("domains")) {
                    if (byDomain.path("domain").asText().equals(domain)) {
                        return byDomain;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void aStricterDraftShowsWhichPastProposalsItWouldHaveRefusedAndWritesNothing() {
        assertThat(STRICT_FOR_PILOTS).isNotEqualTo(PolicyCompiler.defaultPolicySet());
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);

        Api.Reply reply = whatIf("greta", STRICT_FOR_PILOTS);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode outcome = domainOutcome(reply.json(), SENSITIVE_RULE, domain.id());
        assertThat(outcome.path("refused").asLong()).isEqualTo(1);
        JsonNode pastCase = outcome.path("cases").get(0);
        assertThat(pastCase.path("caseId").asText()).isEqualTo("contract:" + contractId + "/1.0.0#1");
        assertThat(pastCase.path("outcome").asText()).isEqualTo("refused");
        assertThat(pastCase.path("stage").asText()).isEqualTo("PILOT");
        assertThat(reply.json().path("casesEvaluated").asLong()).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(events);
    }

    @Test
    void theSetInForceOnlyWarnedThatProposal() {
        JsonNode outcome = domainOutcome(whatIf("admin", PolicyCompiler.defaultPolicySet()).json(), SENSITIVE_RULE,
                domain.id());
        assertThat(outcome.path("refused").asLong()).isZero();
        assertThat(outcome.path("warned").asLong()).isEqualTo(1);
    }

    @Test
    void onlyGovernanceAdminsAndAuditorsAskAndOnlyAboutAValidDraft() {
        assertThat(whatIf("olivia", PolicyCompiler.defaultPolicySet()).status()).isEqualTo(403);
        assertThat(whatIf("audrey", PolicyCompiler.defaultPolicySet()).status()).isEqualTo(200);
        Api.Reply invalid = whatIf("greta", "apiVersion: meshgov/v1\nkind: PolicySet\nrules: [{name: x}]");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("violations").get(0).path("rule").asText()).startsWith("schema:");
    }
}
