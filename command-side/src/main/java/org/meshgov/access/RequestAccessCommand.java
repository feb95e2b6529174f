package org.meshgov.access;

import java.time.Instant;
import java.util.List;
import org.meshgov.identity.Actor;

/**
 * A consumer domain asks to read properties ({@code object.property}; empty = the whole contract)
 * of a contract's major version until an instant. {@code renewsGrantId} names the grant this
 * request renews, which may still be active.
 */
public record RequestAccessCommand(String requestId, String contractId, long majorVersion, String consumerDomain,
                                   String purpose, List<String> properties, Instant until, String renewsGrantId,
                                   Actor actor) implements AccessCommand {

    public RequestAccessCommand {
        properties = properties == null ? List.of() : List.copyOf(properties);
    }
}
