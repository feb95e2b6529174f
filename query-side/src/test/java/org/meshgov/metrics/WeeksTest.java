package org.meshgov.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.meshgov.metrics.Weeks.Week;

class WeeksTest {

    @Test
    void weeksStartOnMondayAndAreCutToTheWindow() {
        // Wednesday 7 March 2001 noon to Tuesday 20 March 2001
        Instant from = Instant.parse("2001-03-07T12:00:00Z");
        Instant to = Instant.parse("2001-03-20T00:00:00Z");

        assertThat(Weeks.of(from, to)).containsExactly(
                new Week(LocalDate.parse("2001-03-05"), from, Instant.parse("2001-03-12T00:00:00Z")),
                new Week(LocalDate.parse("2001-03-12"), Instant.parse("2001-03-12T00:00:00Z"),
                        Instant.parse("2001-03-19T00:00:00Z")),
                new Week(LocalDate.parse("2001-03-19"), Instant.parse("2001-03-19T00:00:00Z"), to));
    }

    @Test
    void aWindowEndingOnMondayMidnightDoesNotTouchTheNextWeek() {
        assertThat(Weeks.of(Instant.parse("2001-03-05T00:00:00Z"), Instant.parse("2001-03-19T00:00:00Z")))
                .extracting(Week::monday)
                .containsExactly(LocalDate.parse("2001-03-05"), LocalDate.parse("2001-03-12"));
    }

    @Test
    void aWeekHoldsItsStartButNotItsEnd() {
        Week week = Weeks.of(Instant.parse("2001-03-05T00:00:00Z"), Instant.parse("2001-03-12T00:00:00Z")).get(0);

        assertThat(week.contains(Instant.parse("2001-03-05T00:00:00Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2001-03-11T23:59:59Z"))).isTrue();
        assertThat(week.contains(Instant.parse("2001-03-12T00:00:00Z"))).isFalse();
    }
}
