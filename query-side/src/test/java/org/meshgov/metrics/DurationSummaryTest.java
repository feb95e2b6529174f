package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DurationSummaryTest {

    static List<Duration> seconds(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }

    @Test
    void nothingToSummariseHasNoFigures() {
        assertThat(DurationSummary.of(List.of())).isEqualTo(new DurationSummary(0, null, null, null));
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(DurationSummary.of(seconds(42))).isEqualTo(new DurationSummary(1, 42.0, 42.0, 42.0));
    }

    @Test
    void percentilesAreByNearestRankOverTheSortedValues() {
        // ranks: p50 = ceil(0.5 * 4) = 2nd, p90 = ceil(0.9 * 4) = 4th
        assertThat(DurationSummary.of(seconds(40, 10, 30, 20))).isEqualTo(new DurationSummary(4, 20.0, 40.0, 40.0));
        // p50 = ceil(2.5) = 3rd, p90 = ceil(4.5) = 5th
        assertThat(DurationSummary.of(seconds(5, 1, 4, 2, 3))).isEqualTo(new DurationSummary(5, 3.0, 5.0, 5.0));
    }

    @Test
    void theNinetiethPercentileOfTenValuesIsTheNinth() {
        List<Duration> oneToTen = IntStream.rangeClosed(1, 10).mapToObj(Duration::ofSeconds).toList();

        assertThat(DurationSummary.of(oneToTen)).isEqualTo(new DurationSummary(10, 5.0, 9.0, 10.0));
    }

    @Test
    void millisecondsAreKept() {
        assertThat(DurationSummary.of(List.of(Duration.ofMillis(1500))).p50Seconds()).isEqualTo(1.5);
    }
}
