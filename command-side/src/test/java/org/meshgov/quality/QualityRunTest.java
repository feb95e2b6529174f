package org.meshgov.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.access.PublishedContracts;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.domain.InMemoryDomainDirectory;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.ActivePolicies;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.policy.PolicyRules;
import org.meshgov.policy.TestPolicies;
import org.meshgov.quality.QualityResultsRecordedEvent.RecordedResult;

class QualityRunTest {

    static final Instant RUN_AT = Instant.parse("2026-11-27T06:00:00Z");
    static final Actor PIPELINE = Actor.of("orders-pipeline", "orders-members");
    static final String RULE = "order_total_not_negative";

    AggregateTestFixture<QualityRun> fixture;
    InMemoryDomainDirectory directory;
    PolicyRules policies = TestPolicies.NONE;

    static JsonNode ordersContract() {
        try {
            return new ContractDocumentParser().parse(Files.readAllBytes(Path.of("..", "examples",
                    "orders-v1.0.0.yaml")), DocumentFormat.YAML);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QualityRun.class);
        directory = new InMemoryDomainDirectory()
                .withDomain("orders", Set.of("olivia"))
                .withDomain("marketing", Set.of("oscar"));
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new PublishedContracts() {
            @Override
            public Optional<PublishedVersion> latestInMajor(String contractId, long major) {
                return Optional.empty();
            }

            @Override
            public Optional<PublishedVersion> latest(String contractId) {
                return Optional.empty();
            }

            @Override
            public Optional<PublishedVersion> version(String contractId, String version) {
                return "1.0.0".equals(version) ? Optional.of(new PublishedVersion(contractId, version, "orders",
                        ordersContract(), false)) : Optional.empty();
            }
        });
        fixture.registerInjectableResource((ActivePolicies) () -> policies);
        // reported a day and a half after the run
        fixture.registerInjectableResource(Clock.fixed(RUN_AT.plus(Duration.ofHours(36)), ZoneOffset.UTC));
    }

    static RecordQualityResultsCommand run(String version, List<QualityResult> results, Actor actor) {
        return new RecordQualityResultsCommand("orders-placed", version, "run-1", RUN_AT, results, actor);
    }

    static org.hamcrest.Matcher<?> violationAt(String path) {
        return Matchers.predicate(e -> e instanceof GovernanceViolationException violation
                && violation.violations().stream().anyMatch(v -> v.path().equals(path)));
    }

    @Test
    void aPipelineOfTheOwningDomainRecordsARunWithEachRulesSeverity() {
        fixture.givenNoPriorActivity()
                .when(run("1.0.0", List.of(new QualityResult(RULE, false, 3.0, "3 negative totals")), PIPELINE))
                .expectEvents(new QualityResultsRecordedEvent("orders-placed", "1.0.0", "orders", "run-1", RUN_AT,
                        List.of(new RecordedResult(RULE, "error", false, 3.0, "3 negative totals")),
                        "orders-pipeline", new PolicyEvaluation(0, OnboardingStage.PILOT, List.of())));
    }

    @Test
    void aRuleTheVersionDoesNotDeclareIsRefusedWithItsPosition() {
        fixture.givenNoPriorActivity()
                .when(run("1.0.0", List.of(new QualityResult(RULE, true, null, null),
                        new QualityResult("row_count_positive", true, null, null)), PIPELINE))
                .expectException(violationAt("$.results[1].rule"))
                .expectNoEvents();
    }

    @Test
    void aRunIdWithSpacesOrControlCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordQualityResultsCommand("orders-placed", "1.0.0", "run 1\u202e", RUN_AT,
                        List.of(new QualityResult(RULE, true, null, null)), PIPELINE))
                .expectException(violationAt("$.runId"))
                .expectNoEvents();
    }

    @Test
    void resultsForAnUnpublishedVersionAreRefused() {
        fixture.givenNoPriorActivity()
                .when(run("9.9.9", List.of(new QualityResult(RULE, true, null, null)), PIPELINE))
                .expectException(violationAt("$.version"))
                .expectNoEvents();
    }

    @Test
    void anotherDomainCannotReportOnThisContract() {
        fixture.givenNoPriorActivity()
                .when(run("1.0.0", List.of(new QualityResult(RULE, true, null, null)),
                        Actor.of("mia", "marketing-members")))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aRunWithoutResultsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(run("1.0.0", List.of(), PIPELINE))
                .expectException(violationAt("$.results"))
                .expectNoEvents();
    }

    @Test
    void aLateReportPassesForAPilotAndWarnsForAnOnboardingDomain() {
        policies = TestPolicies.SHIPPED_DEFAULT;
        fixture.givenNoPriorActivity()
                .when(run("1.0.0", List.of(new QualityResult(RULE, true, 0.0, null)), PIPELINE))
                .expectResultMessagePayload(new QualityResultsRecorded(List.of(),
                        new PolicyEvaluation(1, OnboardingStage.PILOT, List.of())));
        directory.atStage("orders", OnboardingStage.ONBOARDING);
        fixture.givenNoPriorActivity()
                .when(run("1.0.0", List.of(new QualityResult(RULE, true, 0.0, null)), PIPELINE))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof QualityResultsRecorded q
                        && q.warnings().equals(List.of("quality-results-reported-promptly: report quality results"
                        + " within 24 hours of the run"))));
    }
}
