package org.meshgov.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP against the running engine, as a user with a password. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Reply(int status, String contentType, String body, HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply get(String user, String path, String accept) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    public Reply post(String user, String path, String contentType, String body) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply post(String user, String path, String contentType, String body, String header, String value) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply post(String user, String path, String contentType, byte[] body) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A write with extra headers, given as name, value, name, value. */
    public Reply post(String user, String path, String contentType, String body, String... headers) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String user, String path, String contentType, String body) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static Reply send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String credentials = user + ":" + user;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
