package org.meshgov.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.time.Instant;
import org.meshgov.domain.read.DomainQueries;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.UnknownEntityException;
import org.meshgov.metrics.HealthMetricsQueries.ContractHealth;
import org.meshgov.metrics.HealthMetricsQueries.HealthMetrics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mesh's health over a window: by default the 90 days before now. Durations are in seconds;
 * things that happen count in the window, things that are open count as they stood at its end.
 */
@RestController
@RequestMapping("/api/metrics")
public class MetricsReadController {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** Keeps the weekly series of one answer to about a hundred points. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(731);

    private final HealthMetricsQueries queries;
    private final DomainQueries domains;

    public MetricsReadController(HealthMetricsQueries queries, DomainQueries domains) {
        this.queries = queries;
        this.domains = domains;
    }

    @Operation(summary = "Health of the whole mesh, with one summary line per domain")
    @GetMapping("/overview")
    public HealthMetrics overview(@Parameter(description = "start of the window, inclusive (ISO-8601 instant)")
                                  @RequestParam(required = false) Instant from,
                                  @Parameter(description = "end of the window, exclusive; default now")
                                  @RequestParam(required = false) Instant to) {
        Window window = Window.of(from, to);
        return queries.overview(window.from(), window.to());
    }

    @Operation(summary = "Health of one domain: its contracts, their reviews, quality, incidents, deprecations "
            + "and the access others asked for")
    @GetMapping("/domains/{domainId}")
    public HealthMetrics domain(@PathVariable String domainId, @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to) {
        if (domains.byId(domainId).isEmpty()) {
            throw new UnknownEntityException("no domain " + domainId + " is registered");
        }
        Window window = Window.of(from, to);
        return queries.domain(domainId, window.from(), window.to());
    }

    @Operation(summary = "One contract's quality trend per version and incidents per week")
    @GetMapping("/contracts/{contractId}")
    public ContractHealth contract(@PathVariable String contractId, @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to) {
        if (!queries.knowsContract(contractId)) {
            throw new UnknownEntityException("no contract " + contractId + " was proposed");
        }
        Window window = Window.of(from, to);
        return queries.contract(contractId, window.from(), window.to());
    }

    record Window(Instant from, Instant to) {
        static Window of(Instant from, Instant to) {
            Instant end = to == null ? Instant.now() : to;
            Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
            if (!start.isBefore(end)) {
                throw GovernanceViolationException.of("$.from", "window", "from must be before to");
            }
            if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
                throw GovernanceViolationException.of("$.from", "window",
                        "a window spans at most " + LONGEST_WINDOW.toDays() + " days");
            }
            return new Window(start, end);
        }
    }
}
