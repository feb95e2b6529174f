package org.meshgov.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Waits for a projection to be done with whatever another test class asked of it (a rebuild
 * replaying the log, say), so that what is read next holds still.
 */
public final class Projections {

    private Projections() {
    }

    public static void awaitCaughtUp(Api api, String name) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode projection = api.get("admin", "/api/admin/projections/" + name).json();
            return !projection.path("replaying").asBoolean()
                    && projection.path("position").asLong() >= projection.path("head").asLong();
        });
    }
}
