package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.Api;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.meshgov.support.Projections;
import org.meshgov.support.PublishedContract;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in Debian's headless Chromium: it logs in through the HTTP Basic challenge, opens
 * the overview, a domain and a contract, and finds in each chart the series the API gives for the
 * same window. Screenshots go to target/screenshots/.
 */
@MeshgovSpringTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    static ChromeDriver browser;
    static Path profile;
    static String contractId;

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

    Api api;

    @BeforeAll
    static void startChromium() throws IOException {
        // a clone with only Java and Maven skips this test; CI installs Chromium and insists on it
        if (!Boolean.parseBoolean(System.getenv("MESHGOV_REQUIRE_CHROMIUM"))) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "needs Debian's chromium and chromium-driver (see .ci/run)");
        }
        assertThat(CHROMIUM).as("Debian's chromium (see .ci/run)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (see .ci/run)").isExecutable();
        profile = Files.createTempDirectory("meshgov-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1440,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        ((HasAuthentication) browser).register(UsernameAndPassword.of("admin", "admin"));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Demo data: a published orders contract, a failed and a passed quality run, an incident, a version in review. */
    @BeforeEach
    void demoData() {
        api = new Api(port);
        Projections.awaitCaughtUp(api, MetricsProjection.PROCESSING_GROUP);
        if (contractId != null) {
            return;
        }
        contractId = "dashboard-" + UUID.randomUUID().toString().substring(0, 8);
        PublishedContract.publishOrders(contractId, commands, tasks, identity, jdbc);
        for (String run : List.of("failed", "passed")) {
            assertThat(api.post("mike", "/api/quality-results", "application/json", """
                    {"contractId":"%s","version":"1.0.0","runId":"%s","runAt":"%s",
                     "results":[{"rule":"order_total_not_negative","passed":%s}]}""".formatted(contractId, run,
                    Instant.now().minusSeconds(60), run.equals("passed"))).status()).isEqualTo(202);
        }
        assertThat(api.post("mike", "/api/incidents", "application/json", """
                {"contractId":"%s","kind":"FRESHNESS","severity":"SEV2","title":"Orders late by 3 hours",
                 "description":"the nightly load did not finish"}""".formatted(contractId)).status()).isEqualTo(201);
        assertThat(api.post("mike", "/api/contracts", "application/yaml",
                Examples.ordersContract("orders-v1.1.0.yaml", contractId)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode orders = api.get("admin", "/api/metrics/domains/orders").json();
            return List.of("reviews", "incidents", "quality").stream().allMatch(section ->
                    orders.path(section).findValuesAsText("contractId").contains(contractId));
        });

    }

    @Test
    void theDashboardNeedsTheSameLoginAsTheApi() {
        assertThat(api.get(null, "/dashboard/").status()).isEqualTo(401);
        assertThat(api.get("mia", "/dashboard/").status()).isEqualTo(200);
    }

    @Test
    void theOverviewChartsTheFiguresOfTheApi() throws IOException {
        open("/dashboard/?days=30", "dashboard-overview.png");

        JsonNode figures = figuresOfThePage("/api/metrics/overview");
        assertHealthCharts(figures);
        assertThat(texts("#table-domains td:first-child")).contains("orders", "marketing");
    }

    @Test
    void aDomainPageChartsItsFiguresAndListsItsOpenWork() throws IOException {
        open("/dashboard/domain.html?id=orders&days=30", "dashboard-domain-orders.png");

        JsonNode figures = figuresOfThePage("/api/metrics/domains/orders");
        assertHealthCharts(figures);
        assertThat(texts("#table-open-incidents td")).contains("Orders late by 3 hours");
        WebElement review = browser.findElements(By.cssSelector("#table-open-reviews tr")).stream()
                .filter(row -> row.getText().contains(contractId)).findFirst().orElseThrow();
        assertThat(review.findElement(By.linkText("Tasklist")).getAttribute("href"))
                .contains("/camunda/app/tasklist/").contains(contractId + "%3A1.1.0");
    }

    @Test
    void aContractPageShowsItsVersionsQualityAndHistory() throws IOException {
        open("/dashboard/contract.html?id=" + contractId + "&days=30", "dashboard-contract.png");

        assertThat(texts("#table-versions td:nth-child(2)")).containsExactly("IN_REVIEW", "PUBLISHED");
        JsonNode quality = chart("chart-contract-quality");
        assertThat(names(quality)).containsExactly("1.0.0");
        JsonNode weekly = figuresOfThePage("/api/metrics/contracts/" + contractId).path("qualityByVersion").get(0)
                .path("weekly");
        assertThat(numbers(quality, 0)).isEqualTo(weekly(weekly, "compliance", 100)).contains(50.0);
        assertThat(texts("#table-audit td:nth-child(2)")).contains("ContractVersionProposed",
                "ContractVersionPublished");
    }

    private void open(String path, String screenshot) throws IOException {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !browser.findElements(
                By.cssSelector("body[data-ready], body[data-error]")).isEmpty());
        Files.createDirectories(SCREENSHOTS);
        browser.manage().window().setSize(new Dimension(1440, pageHeight()));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(screenshot),
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1440, 900));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-error")).isNull();
    }

    private int pageHeight() {
        return ((Number) browser.executeScript("return document.documentElement.scrollHeight")).intValue();
    }

    /** The API's figures for the window the page asked for. */
    private JsonNode figuresOfThePage(String path) {
        String window = browser.findElement(By.tagName("body")).getAttribute("data-window");
        Api.Reply reply = api.get("admin", path + "?" + window);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private void assertHealthCharts(JsonNode m) {
        JsonNode published = chart("chart-published-per-week");
        assertThat(names(published)).containsExactly("Published");
        assertThat(published.path("xAxis")).isEqualTo(weeks(m.path("reviews").path("publishedPerWeek")));
        assertThat(numbers(published, 0)).isEqualTo(weekly(m.path("reviews").path("publishedPerWeek"), "count", 1));

        JsonNode incidents = chart("chart-incidents-per-week");
        assertThat(names(incidents)).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
        for (int i = 0; i < 4; i++) {
            String severity = "SEV" + (i + 1);
            List<Double> expected = new ArrayList<>();
            m.path("incidents").path("weekly").forEach(w -> expected.add(w.path("bySeverity").path(severity)
                    .asDouble()));
            assertThat(numbers(incidents, i)).isEqualTo(expected);
        }
        assertThat(numbers(incidents, 1).stream().mapToDouble(Double::doubleValue).sum()).isGreaterThanOrEqualTo(1);

        JsonNode quality = chart("chart-quality");
        assertThat(names(quality)).containsExactly("Compliance %", "Quality score");
        assertThat(numbers(quality, 0)).isEqualTo(weekly(m.path("quality").path("weekly"), "compliance", 100));
        assertThat(numbers(quality, 1)).isEqualTo(weekly(m.path("quality").path("weekly"), "score", 1));

        JsonNode durations = chart("chart-durations");
        assertThat(names(durations)).containsExactly("p50", "p90", "max");
        assertThat(numbers(durations, 0).get(0))
                .isEqualTo(m.path("reviews").path("timeToPublish").path("p50Seconds").asDouble() / 3600);

        JsonNode adoption = chart("chart-adoption");
        assertThat(names(adoption)).containsExactly("Domains", "Published contracts", "Consumers");
        assertThat(numbers(adoption, 1)).isEqualTo(weekly(m.path("adoption").path("weekly"), "publishedContracts", 1));

        JsonNode kinds = chart("chart-incidents-by-kind");
        assertThat(names(kinds)).containsExactly("Incidents by kind");
        assertThat(kinds.path("series").get(0).path("data").findValuesAsText("name")).contains("FRESHNESS");
        assertThat(numbers(chart("chart-open-incidents-by-age"), 0)).isEqualTo(m.path("incidents").path("openByAge")
                .valueStream().map(JsonNode::asDouble).toList());
        assertThat(names(chart("chart-response-times"))).containsExactly("p50", "p90");
    }

    /** The chart's option as ECharts holds it after drawing, and that a canvas was drawn. */
    private JsonNode chart(String id) {
        Object option = browser.executeScript("""
                const box = document.getElementById(arguments[0]);
                const chart = box && echarts.getInstanceByDom(box);
                if (!chart || !box.querySelector('canvas') || box.querySelector('canvas').width === 0) return null;
                const option = chart.getOption();
                return JSON.stringify({
                    xAxis: option.xAxis && option.xAxis.length ? option.xAxis[0].data : null,
                    series: option.series.map(s => ({name: s.name, type: s.type, data: s.data}))});""", id);
        assertThat(option).as("chart %s drawn", id).isNotNull();
        try {
            return JSON.readTree((String) option);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonNode chart) {
        List<String> names = new ArrayList<>();
        chart.path("series").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private static JsonNode weeks(JsonNode weekly) {
        List<String> weeks = new ArrayList<>();
        weekly.forEach(w -> weeks.add(w.path("week").asText()));
        return JSON.valueToTree(weeks);
    }

    /** A series' data as numbers, gaps as null, whether JSON wrote them as integers or not. */
    private static List<Double> numbers(JsonNode chart, int series) {
        List<Double> numbers = new ArrayList<>();
        chart.path("series").get(series).path("data").forEach(n -> numbers.add(n.isNull() ? null : n.asDouble()));
        return numbers;
    }

    private static List<Double> weekly(JsonNode weekly, String field, double factor) {
        List<Double> numbers = new ArrayList<>();
        weekly.forEach(w -> numbers.add(w.path(field).isNull() ? null : w.path(field).asDouble() * factor));
        return numbers;
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
