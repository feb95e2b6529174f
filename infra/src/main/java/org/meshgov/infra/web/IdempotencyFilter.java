package org.meshgov.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every write: the request, the events it causes and its stored answer
 * commit in one transaction. A retry with the same key and the same request gets the first answer
 * back (marked {@code Idempotency-Replayed: true}) and writes nothing; the same key with a different
 * request is refused. A concurrent retry waits on the key's row until the first request ends.
 * Refusals (4xx) are not stored: they wrote nothing, so answering a retry afresh writes nothing either.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_STORED_BODY = 1 << 20;
    private static final int MAX_REQUEST_BODY = BodySizeLimitFilter.MAX_BYTES;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    public IdempotencyFilter(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!VALID_KEY.matcher(key).matches()) {
            refuse(response, 400, "Idempotency-Key is 1 to 200 visible ASCII characters");
            return;
        }
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        // read the body once, up front, so that its hash and the handler see the same bytes
        CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_REQUEST_BODY);
        if (cached == null) {
            refuse(response, 413, "a request body is at most " + MAX_REQUEST_BODY + " bytes");
            return;
        }
        String requestHash = hash(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                cached.body());
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> {
                boolean first = jdbc.update("""
                        INSERT INTO idempotent_request (user_id, idempotency_key, request_hash)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", caller.getName(), key, requestHash) == 1;
                if (!first) {
                    return Outcome.EARLIER;
                }
                try {
                    chain.doFilter(cached, answer);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                byte[] body = answer.getContentAsByteArray();
                if (answer.getStatus() >= 400 || body.length > MAX_STORED_BODY) {
                    status.setRollbackOnly();
                    return Outcome.NOT_STORED;
                }
                jdbc.update("""
                        UPDATE idempotent_request SET status = ?, content_type = ?, body = ?
                        WHERE user_id = ? AND idempotency_key = ?""", answer.getStatus(), answer.getContentType(),
                        body, caller.getName(), key);
                return Outcome.STORED;
            });
        } catch (UnexpectedRollbackException commandRefusedButAnswered) {
            outcome = Outcome.NOT_STORED;
        } catch (RuntimeException failed) {
            if (failed.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw failed;
        }
        if (outcome == Outcome.EARLIER) {
            replay(caller.getName(), key, requestHash, response);
        } else {
            answer.copyBodyToResponse();
        }
    }

    private void replay(String user, String key, String requestHash, HttpServletResponse response)
            throws IOException {
        List<Map<String, Object>> earlier = jdbc.queryForList("""
                SELECT request_hash, status, content_type, body FROM idempotent_request
                WHERE user_id = ? AND idempotency_key = ?""", user, key);
        if (earlier.isEmpty()) {
            refuse(response, 409, "the first request with this Idempotency-Key is still running; retry");
            return;
        }
        Map<String, Object> first = earlier.get(0);
        if (!requestHash.equals(first.get("request_hash"))) {
            refuse(response, 422, "this Idempotency-Key was used for a different request");
            return;
        }
        response.setStatus((Integer) first.get("status"));
        response.setHeader(REPLAYED, "true");
        if (first.get("content_type") != null) {
            response.setContentType((String) first.get("content_type"));
        }
        byte[] body = (byte[]) first.get("body");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        ProblemJson.write(json, response, status, "Idempotency-Key", "idempotency-key", detail);
    }

    private static String hash(String method, String uri, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + uri + '?' + (query == null ? "" : query) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private enum Outcome { EARLIER, NOT_STORED, STORED }
}
