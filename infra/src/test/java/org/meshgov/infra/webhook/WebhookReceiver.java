package org.meshgov.infra.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A provisioning system on a local port: fails the first requests with 500, then answers 204. */
final class WebhookReceiver implements AutoCloseable {

    record Received(Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(int failures, int port, String path) {
        this.failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver failingFirst(int failures) {
        return new WebhookReceiver(failures, 0, "/hook");
    }

    static WebhookReceiver alwaysFailing() {
        return new WebhookReceiver(Integer.MAX_VALUE, 0, "/hook");
    }

    /** The receiver the test profile configures as {@code meshgov.webhooks.urls}. */
    static WebhookReceiver configured() {
        return new WebhookReceiver(0, 39917, "/access-hooks");
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> receivedFor(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.header(WebhookHeaders.EVENT_ID))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
