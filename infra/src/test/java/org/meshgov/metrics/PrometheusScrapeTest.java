package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.domain.read.DomainQueries;
import org.meshgov.domain.read.DomainView;
import org.meshgov.infra.metrics.DomainTags;
import org.meshgov.infra.metrics.HealthGauges;
import org.meshgov.support.Api;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Projections;
import org.meshgov.support.PrometheusText;
import org.meshgov.support.PrometheusText.Sample;
import org.meshgov.support.PublishedContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A scraper's view of /actuator/prometheus: histograms for durations, gauges for open work, few labels. */
@MeshgovSpringTest
class PrometheusScrapeTest {

    static final Set<String> LABELS = Set.of("domain", "severity", "kind", "stage", "decision", "le");
    static final List<String> BUCKETS = List.of("900.0", "3600.0", "14400.0", "86400.0", "259200.0", "604800.0",
            "1209600.0", "2592000.0", "7776000.0", "+Inf");

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HealthGauges gauges;
    @Autowired
    DomainQueries domains;

    @BeforeEach
    void metricsHoldStill() {
        Projections.awaitCaughtUp(new Api(port), MetricsProjection.PROCESSING_GROUP);
    }

    PrometheusText scrape(Api api) {
        Api.Reply reply = api.get("admin", "/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        return PrometheusText.parse(reply.body());
    }

    static double publishedInOrders(PrometheusText text) {
        return text.samples("meshgov_contract_time_to_publish_seconds_count").stream()
                .filter(s -> "orders".equals(s.label("domain"))).mapToDouble(Sample::value).sum();
    }

    @Test
    void aPublicationIsObservedInTheTimeToPublishHistogram() {
        Api api = new Api(port);
        double before = publishedInOrders(scrape(api));

        PublishedContract.publishOrders("scrape-" + UUID.randomUUID(), commands, tasks, identity, jdbc);

        PrometheusText text = await().atMost(Duration.ofSeconds(20)).until(() -> scrape(api),
                scraped -> publishedInOrders(scraped) == before + 1);
        assertThat(text.typeOf("meshgov_contract_time_to_publish_seconds")).isEqualTo("histogram");
        List<Sample> buckets = text.samples("meshgov_contract_time_to_publish_seconds_bucket").stream()
                .filter(s -> "orders".equals(s.label("domain"))).toList();
        assertThat(buckets).extracting(s -> s.label("le")).containsExactlyElementsOf(BUCKETS);
        for (int i = 1; i < buckets.size(); i++) {
            assertThat(buckets.get(i).value()).isGreaterThanOrEqualTo(buckets.get(i - 1).value());
        }
        assertThat(buckets.get(buckets.size() - 1).value()).isEqualTo(before + 1);
        assertThat(text.typeOf("meshgov_contract_review_stage_seconds")).isEqualTo("histogram");
        assertThat(text.samples("meshgov_contract_review_stage_seconds_count"))
                .anySatisfy(s -> assertThat(s.labels()).containsEntry("domain", "orders").containsEntry("stage",
                        "OWNER"));
        assertThat(text.samples("meshgov_contract_review_decisions_total"))
                .anySatisfy(s -> assertThat(s.labels()).containsEntry("decision", "approve"));
    }

    @Test
    void gaugesGiveTheOpenWorkOfEachDomainAsTheApiDoes() {
        Api api = new Api(port);
        gauges.refresh();

        PrometheusText text = scrape(api);

        assertThat(text.typeOf("meshgov_contracts_published")).isEqualTo("gauge");
        assertThat(text.typeOf("meshgov_incidents_open")).isEqualTo("gauge");
        for (DomainView domain : domains.all()) {
            int published = api.get("admin", "/api/metrics/domains/" + domain.id()).json()
                    .path("adoption").path("publishedContracts").asInt();
            assertThat(text.samples("meshgov_contracts_published"))
                    .filteredOn(s -> domain.id().equals(s.label("domain")))
                    .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(published));
            assertThat(text.samples("meshgov_incidents_open"))
                    .filteredOn(s -> domain.id().equals(s.label("domain")))
                    .extracting(s -> s.label("severity")).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
        }
        assertThat(text.samples("meshgov_domains")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(domains.all().size()));
    }

    @Test
    void labelsAreFewAndTheirValuesBounded() {
        Api api = new Api(port);
        gauges.refresh();

        PrometheusText text = scrape(api);

        Set<String> domainValues = new HashSet<>(domains.all().stream().map(DomainView::id).toList());
        domainValues.add(DomainTags.OTHER);
        List<Sample> meshgov = text.samplesStartingWith("meshgov_");
        assertThat(meshgov).isNotEmpty();
        for (Sample sample : meshgov) {
            assertThat(LABELS).as(sample.name()).containsAll(sample.labels().keySet());
            if (sample.labels().containsKey("domain")) {
                assertThat(domainValues).as(sample.name()).contains(sample.label("domain"));
            }
            if (sample.labels().containsKey("severity")) {
                assertThat(sample.label("severity")).isIn("SEV1", "SEV2", "SEV3", "SEV4");
            }
            assertThat(text.typeOf(text.familyOf(sample))).as(sample.name()).isNotNull();
        }
    }

    @Test
    void scrapersLogInLikeEveryoneElse() {
        assertThat(new Api(port).get(null, "/actuator/prometheus").status()).isEqualTo(401);
    }
}
