package org.meshgov.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Each user's writes are limited per period; beyond it, 429 with the seconds to wait in {@code Retry-After}. */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimitProperties properties;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    private final ObjectMapper json;

    public WriteRateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter limiter = limiterFor(caller.getName());
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(response, caller.getName(), secondsToWait(limiter));
    }

    private RateLimiter limiterFor(String user) {
        return limiters.rateLimiter(user, () -> RateLimiterConfig.custom()
                .limitForPeriod(properties.writesFor(user))
                .limitRefreshPeriod(properties.period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Retry-After counts whole seconds, so anything under one is rounded up to one. */
    private long secondsToWait(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : properties.period().toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private void refuse(HttpServletResponse response, String user, long retryAfterSeconds) throws IOException {
        String detail = user + " sent more than " + properties.writesFor(user) + " writes in "
                + properties.period() + "; retry after " + retryAfterSeconds + " s";
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        ProblemJson.write(json, response, 429, "Too many requests", "rate-limit", detail);
    }
}
