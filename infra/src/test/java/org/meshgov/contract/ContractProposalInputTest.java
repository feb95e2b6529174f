package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a clear 4xx as problem+json with violations, and writes no event. */
@MeshgovSpringTest
class ContractProposalInputTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    long proposalsBefore;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        proposalsBefore = proposals();
    }

    long proposals() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype = 'org.meshgov.contract.ContractVersionProposedEvent'",
                Long.class);
    }

    void assertRefused(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("violations").isArray()).isTrue();
        assertThat(proposals()).isEqualTo(proposalsBefore);
    }

    String contract() {
        return Examples.ordersContract("orders-v1.0.0.yaml", "input-" + UUID.randomUUID());
    }

    @Test
    void malformedYamlIsABadRequest() {
        assertRefused(api.post("mike", "/api/contracts", "application/yaml", "id: [unclosed\nversion: 1.0.0"), 400);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertRefused(api.post("mike", "/api/contracts", "application/json", "{\"id\": \"x\", "), 400);
    }

    @Test
    void aYamlAliasBombIsABadRequest() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                """;
        assertRefused(api.post("mike", "/api/contracts", "application/yaml", bomb), 400);
    }

    @Test
    void anUnsupportedMediaTypeIsRefused() {
        assertRefused(api.post("mike", "/api/contracts", "text/plain", contract()), 415);
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        byte[] huge = (contract() + "\n# " + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        assertRefused(api.post("mike", "/api/contracts", "application/yaml", huge), 413);
    }

    @Test
    void aSchemaViolationIsReportedWithItsJsonPath() {
        Api.Reply reply = api.post("mike", "/api/contracts", "application/yaml",
                contract().replace("logicalType: number", "logicalType: money"));
        assertRefused(reply, 422);
        JsonNode violations = reply.json().path("violations");
        assertThat(violations.findValuesAsText("path")).anyMatch(path -> path.startsWith("$.schema[0].properties[2]"));
        assertThat(violations.findValuesAsText("rule")).allMatch(rule -> !rule.isBlank());
    }

    @Test
    void aVersionThatIsNotSemverIsRefused() {
        Api.Reply reply = api.post("mike", "/api/contracts", "application/yaml",
                contract().replace("version: 1.0.0", "version: one"));
        assertRefused(reply, 422);
        assertThat(reply.json().path("violations").findValuesAsText("path")).contains("$.version");
    }

    @Test
    void aDocumentWithoutAnIdIsRefused() {
        Api.Reply reply = api.post("mike", "/api/contracts", "application/yaml",
                contract().replaceAll("(?m)^id: .*$", ""));
        assertRefused(reply, 422);
        assertThat(reply.json().path("violations").findValuesAsText("path")).contains("$.id");
    }

    @Test
    void aDuplicatePropertyNameIsRefused() {
        Api.Reply reply = api.post("mike", "/api/contracts", "application/yaml",
                contract().replace("- name: placed_at", "- name: order_id"));
        assertRefused(reply, 422);
        assertThat(reply.json().path("violations").findValuesAsText("rule")).contains("unique-property-name");
    }

    @Test
    void someoneOutsideTheDomainIsForbidden() {
        assertRefused(api.post("mia", "/api/contracts", "application/yaml", contract()), 403);
    }

    @Test
    void anUnregisteredDomainIsRefused() {
        Api.Reply reply = api.post("mike", "/api/contracts", "application/yaml",
                contract().replace("domain: orders", "domain: nowhere-" + UUID.randomUUID()));
        assertRefused(reply, 422);
        assertThat(reply.json().path("violations").findValuesAsText("rule")).contains("domain-registered");
    }

    @Test
    void withdrawingAnUnknownContractIsNotFound() {
        assertRefused(api.post("mike", "/api/contracts/nope-" + UUID.randomUUID() + "/versions/1.0.0/withdrawal",
                "application/json", "{}"), 404);
    }
}
