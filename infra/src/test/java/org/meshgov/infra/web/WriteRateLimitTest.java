package org.meshgov.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The test profile gives {@code rate-limited-pipeline} three writes a minute. */
@MeshgovSpringTest
class WriteRateLimitTest {

    static final String PIPELINE = "rate-limited-pipeline";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void setUp() {
        if (identity.createUserQuery().userId(PIPELINE).count() == 0) {
            User user = identity.newUser(PIPELINE);
            user.setPassword(PIPELINE);
            identity.saveUser(user);
        }
    }

    @Test
    void writesBeyondTheUsersLimitAreRefusedWithRetryAfterWhileReadsGoOn() {
        Api api = new Api(port);
        List<Api.Reply> writes = IntStream.range(0, 4).mapToObj(i -> api.post(PIPELINE, "/api/incidents",
                "application/json", "{}")).toList();

        assertThat(writes.subList(0, 3)).allMatch(reply -> reply.status() == 422);
        Api.Reply limited = writes.get(3);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.json().path("violations").findValuesAsText("rule")).containsExactly("rate-limit");
        assertThat(api.get(PIPELINE, "/api/contracts").status()).isEqualTo(200);
    }
}
