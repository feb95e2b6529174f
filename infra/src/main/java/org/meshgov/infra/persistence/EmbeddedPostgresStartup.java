package org.meshgov.infra.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded PostgreSQL being started on its own thread from the moment the context exists, so
 * that initdb and the server start overlap with Spring's parsing of the configuration. The
 * {@code embeddedPostgres} bean takes the server over; a context that fails before that closes it.
 */
public final class EmbeddedPostgresStartup implements DisposableBean {

    public static final String BEAN_NAME = "meshgovEmbeddedPostgresStartup";

    private final CompletableFuture<EmbeddedPostgresServer> server;
    private boolean takenOver;

    private EmbeddedPostgresStartup(CompletableFuture<EmbeddedPostgresServer> server) {
        this.server = server;
    }

    public static EmbeddedPostgresStartup begin(Path dataDirectory, int port, boolean durable) {
        CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(dataDirectory, port, durable));
            } catch (Throwable failure) {
                server.completeExceptionally(failure);
            }
        }, "meshgov-embedded-postgres");
        thread.setDaemon(true);
        thread.start();
        return new EmbeddedPostgresStartup(server);
    }

    /** Waits for the server; from now on its bean closes it. */
    public synchronized EmbeddedPostgresServer takeOver() throws IOException {
        try {
            EmbeddedPostgresServer started = server.join();
            takenOver = true;
            return started;
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            if (failed.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw failed;
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (takenOver) {
            return;
        }
        EmbeddedPostgresServer started;
        try {
            started = server.join();
        } catch (CompletionException failed) {
            return;
        }
        started.close();
    }
}
