package org.meshgov.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@MeshgovSpringTest
class IdentityStartupTest {

    @Autowired
    IdentityStartup startup;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void seedingTheDemoAgainOnARestartChangesNothing() {
        long users = identity.createUserQuery().count();
        long authorizationCount = authorizations.createAuthorizationQuery().count();
        long domainEvents = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE 'domain:%'", Long.class);

        startup.run(new DefaultApplicationArguments());

        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE 'domain:%'", Long.class))
                .isEqualTo(domainEvents);
        assertThat(filters.createFilterQuery().filterName(IdentityBootstrap.REVIEW_FILTER).count()).isEqualTo(1);
    }

    @Test
    void aFirstStartOutsideDemoModeRefusesToRunWithoutAnAdminPassword() {
        IdentityBootstrap bootstrap = new IdentityBootstrap(identity, authorizations, filters, tasks);
        transaction.executeWithoutResult(status -> {
            identity.deleteUser(IdentityBootstrap.ADMIN);
            assertThatThrownBy(() -> bootstrap.ensureBaseline(""))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MESHGOV_ADMIN_PASSWORD");
            status.setRollbackOnly();
        });
        assertThat(identity.createUserQuery().userId(IdentityBootstrap.ADMIN).count()).isEqualTo(1);
    }

    @Test
    void aTasklistUserUsesTheSameCredentialsOnTheApi() {
        assertThat(identity.checkPassword("olivia", "olivia")).isTrue();
        assertThat(new Api(port).get("olivia", "/api/domains").status()).isEqualTo(200);
    }
}
