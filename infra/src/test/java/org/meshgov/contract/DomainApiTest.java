package org.meshgov.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MeshgovSpringTest
class DomainApiTest {

    @LocalServerPort
    int port;

    @Test
    void demoModeRegistersTheDemoDomains() {
        Api api = new Api(port);
        assertThat(api.get("mia", "/api/domains").json().findValuesAsText("id")).contains("orders", "marketing");
        assertThat(api.get("mia", "/api/domains/orders").json().path("ownerGroup").asText()).isEqualTo("orders-owners");
    }

    @Test
    void aPlatformAdminRegistersADomainOnce() {
        Api api = new Api(port);
        String body = """
                {"id":"finance","name":"Finance","ownerGroup":"finance-owners","memberGroup":"finance-members"}""";
        assertThat(api.post("admin", "/api/domains", "application/json", body).status()).isEqualTo(201);
        assertThat(api.get("mia", "/api/domains/finance").status()).isEqualTo(200);
        Api.Reply again = api.post("admin", "/api/domains", "application/json", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nobodyButAPlatformAdminRegistersADomain() {
        Api.Reply reply = new Api(port).post("olivia", "/api/domains", "application/json", """
                {"id":"sales","name":"Sales","ownerGroup":"sales-owners","memberGroup":"sales-members"}""");
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void anUnknownDomainIsNotFound() {
        assertThat(new Api(port).get("mia", "/api/domains/nowhere").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionListsTheContractApi() {
        Api.Reply reply = new Api(port).get("mia", "/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("paths").has("/api/contracts")).isTrue();
    }
}
