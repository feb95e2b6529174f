package org.meshgov.policy.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.meshgov.policy.DefaultPolicySetAdoptedEvent;
import org.meshgov.policy.PolicyChangeProposedEvent;
import org.meshgov.policy.PolicyChangeRejectedEvent;
import org.meshgov.policy.PolicySetActivatedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every version of the policy set and which one is in force. Runs in the same transaction as the
 * policy events, because every command after an activation must be judged by the new version.
 */
@Component
@ProcessingGroup(PolicySetProjection.PROCESSING_GROUP)
public class PolicySetProjection {

    public static final String PROCESSING_GROUP = "policy-sets";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PolicySetProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DefaultPolicySetAdoptedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO policy_set_version (version, based_on, status, document, content_hash, rules, changes,
                    reason, proposed_by, proposed_at, decided_by, decided_at, active_from)
                VALUES (?, NULL, 'ACTIVE', ?, ?, ?::jsonb, '[]'::jsonb, 'the policy set meshgov ships with', ?, ?,
                    ?, ?, ?)
                ON CONFLICT (version) DO NOTHING""",
                event.version(), event.document(), event.contentHash(), write(event.rules()), event.adoptedBy(),
                Timestamp.from(at), event.adoptedBy(), Timestamp.from(at), Timestamp.from(at));
    }

    @EventHandler
    void on(PolicyChangeProposedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO policy_set_version (version, based_on, status, document, content_hash, rules, changes,
                    reason, proposed_by, proposed_at)
                VALUES (?, ?, 'IN_REVIEW', ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                ON CONFLICT (version) DO NOTHING""",
                event.version(), event.basedOn(), event.document(), event.contentHash(), write(event.rules()),
                write(event.changes()), event.reason(), event.proposedBy(), Timestamp.from(at));
    }

    @EventHandler
    void on(PolicySetActivatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE policy_set_version SET status = 'SUPERSEDED', active_until = ? WHERE version = ?",
                Timestamp.from(at), event.previousVersion());
        jdbc.update("""
                UPDATE policy_set_version SET status = 'ACTIVE', decided_by = ?, decided_at = ?, comment = ?,
                    active_from = ?
                WHERE version = ?""",
                event.approvedBy(), Timestamp.from(at), event.comment(), Timestamp.from(at), event.version());
    }

    @EventHandler
    void on(PolicyChangeRejectedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                UPDATE policy_set_version SET status = 'REJECTED', decided_by = ?, decided_at = ?, comment = ?
                WHERE version = ?""", event.rejectedBy(), Timestamp.from(at), event.comment(), event.version());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM policy_set_version");
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
