package org.meshgov.access.read;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.access.AccessClaims;
import org.meshgov.access.AccessDeniedEvent;
import org.meshgov.access.AccessEndedEvent;
import org.meshgov.access.AccessExpiredEvent;
import org.meshgov.access.AccessRequestedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.meshgov.access.AccessScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which requests hold which scope. Runs in the same transaction as the access events, because the
 * command side refuses a second request for a scope that is held.
 */
@Component
@ProcessingGroup(AccessClaimsProjection.PROCESSING_GROUP)
public class AccessClaimsProjection implements AccessClaims {

    public static final String PROCESSING_GROUP = "access-claims";

    private final JdbcTemplate jdbc;

    public AccessClaimsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> holding(AccessScope scope) {
        return jdbc.queryForList("""
                SELECT request_id FROM access_claim
                WHERE consumer_domain = ? AND contract_id = ? AND major = ? AND properties_key = ?
                ORDER BY request_id""", String.class,
                scope.consumerDomain(), scope.contractId(), scope.majorVersion(), scope.propertiesKey());
    }

    @EventHandler
    void on(AccessRequestedEvent event) {
        AccessScope scope = AccessScope.of(event.consumerDomain(), event.contractId(), event.majorVersion(),
                event.properties());
        jdbc.update("""
                INSERT INTO access_claim (request_id, consumer_domain, contract_id, major, properties_key,
                                          renews_grant_id)
                VALUES (?, ?, ?, ?, ?, ?)""",
                event.requestId(), scope.consumerDomain(), scope.contractId(), scope.majorVersion(),
                scope.propertiesKey(), event.renewsGrantId());
    }

    @EventHandler
    void on(AccessDeniedEvent event) {
        release(event.requestId());
    }

    @EventHandler
    void on(AccessExpiredEvent event) {
        release(event.grantId());
    }

    @EventHandler
    void on(AccessRevokedEvent event) {
        release(event.grantId());
    }

    @EventHandler
    void on(AccessEndedEvent event) {
        release(event.grantId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM access_claim");
    }

    private void release(String requestId) {
        jdbc.update("DELETE FROM access_claim WHERE request_id = ?", requestId);
        // A renewal no longer renews a grant that is gone; it now holds the scope as a first request.
        jdbc.update("UPDATE access_claim SET renews_grant_id = NULL WHERE renews_grant_id = ?", requestId);
    }
}
