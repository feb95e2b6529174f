package org.meshgov.infra.persistence;

import java.nio.file.Path;

/** Starts the embedded database in a JVM of its own, so that a test can kill that JVM with -9. */
public final class EngineThatWillBeKilled {

    private EngineThatWillBeKilled() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, true);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
