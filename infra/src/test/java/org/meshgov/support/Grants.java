package org.meshgov.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.meshgov.access.AccessDecision;
import org.meshgov.access.ApprovalRole;
import org.meshgov.access.DecideAccessRequestCommand;
import org.meshgov.access.RequestAccessCommand;
import org.meshgov.identity.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

/** A consumer domain granted plain properties of a published orders contract, approved by Olivia. */
public final class Grants {

    private Grants() {
    }

    public static String grant(String contractId, String consumerDomain, Actor requester, CommandGateway commands,
                               JdbcTemplate jdbc) {
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestAccessCommand(requestId, contractId, 1, consumerDomain,
                "weekly campaign attribution per order channel", List.of("orders.order_id"),
                Instant.now().plus(Duration.ofDays(200)), null, requester));
        if (!consumerDomain.equals("orders")) { // the owning domain is granted at once
            commands.sendAndWait(new DecideAccessRequestCommand(requestId, ApprovalRole.OWNER,
                    AccessDecision.APPROVE, "ok", Actor.of("olivia", "orders-owners")));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT status FROM access_request WHERE request_id = ? AND status = 'GRANTED'", String.class,
                requestId).size() == 1);
        return requestId;
    }
}
