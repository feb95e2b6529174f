package org.meshgov.incident;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the owning domain has to acknowledge an incident, by severity. Each limit is an ISO-8601
 * duration ({@code PT15M}, {@code P3D}) or a number of business days ({@code 1 business day}),
 * which skip Saturdays and Sundays (UTC) so a Friday evening incident is due on Monday evening.
 */
public final class AcknowledgementSla {

    private static final Pattern BUSINESS_DAYS = Pattern.compile("(\\d+)\\s+business\\s+days?");

    private final Map<IncidentSeverity, String> limits;

    private AcknowledgementSla(Map<IncidentSeverity, String> limits) {
        this.limits = limits;
    }

    public static AcknowledgementSla of(String sev1, String sev2, String sev3, String sev4) {
        Map<IncidentSeverity, String> limits = new EnumMap<>(IncidentSeverity.class);
        limits.put(IncidentSeverity.SEV1, sev1);
        limits.put(IncidentSeverity.SEV2, sev2);
        limits.put(IncidentSeverity.SEV3, sev3);
        limits.put(IncidentSeverity.SEV4, sev4);
        limits.forEach((severity, limit) -> due(limit, Instant.EPOCH, severity));
        return new AcknowledgementSla(limits);
    }

    public static AcknowledgementSla defaults() {
        return of("PT15M", "PT1H", "1 business day", "P3D");
    }

    public Instant acknowledgeBy(IncidentSeverity severity, Instant raisedAt) {
        return due(limits.get(severity), raisedAt, severity);
    }

    private static Instant due(String limit, Instant from, IncidentSeverity severity) {
        String trimmed = limit == null ? "" : limit.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher businessDays = BUSINESS_DAYS.matcher(trimmed);
        if (businessDays.matches()) {
            return addBusinessDays(from, Integer.parseInt(businessDays.group(1)));
        }
        try {
            return from.plus(Duration.parse(trimmed.toUpperCase(java.util.Locale.ROOT)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("acknowledgement time for " + severity + " is neither an ISO-8601 "
                    + "duration nor 'N business days': " + limit, e);
        }
    }

    private static Instant addBusinessDays(Instant from, int days) {
        ZonedDateTime due = from.atZone(ZoneOffset.UTC);
        while (isWeekend(due)) {
            due = due.plusDays(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        }
        for (int added = 0; added < days; ) {
            due = due.plusDays(1);
            if (!isWeekend(due)) {
                added++;
            }
        }
        return due.toInstant();
    }

    private static boolean isWeekend(ZonedDateTime time) {
        return time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
