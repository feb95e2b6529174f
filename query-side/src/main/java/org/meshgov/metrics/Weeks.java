package org.meshgov.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The ISO weeks (Monday 00:00 UTC) that a window touches, each cut to the part inside the window. */
public final class Weeks {

    private Weeks() {
    }

    /** {@code monday} names the week; {@code from} is inclusive, {@code to} exclusive. */
    public record Week(LocalDate monday, Instant from, Instant to) {
        public boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }
    }

    public static List<Week> of(Instant from, Instant to) {
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = from.atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (monday.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to)) {
            Instant start = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            weeks.add(new Week(monday, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
            monday = monday.plusWeeks(1);
        }
        return weeks;
    }
}
