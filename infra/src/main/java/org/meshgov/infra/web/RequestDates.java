package org.meshgov.infra.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.meshgov.governance.GovernanceViolationException;

/** Dates in request bodies: an ISO-8601 instant, or a date meaning the start of that day in UTC. */
final class RequestDates {

    private RequestDates() {
    }

    static Instant instant(String value, String path) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GovernanceViolationException.of(path, "date-format",
                    "an ISO-8601 instant (2027-01-31T00:00:00Z) or date (2027-01-31)");
        }
    }
}
