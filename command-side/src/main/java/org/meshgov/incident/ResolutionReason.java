package org.meshgov.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an incident ended; forms and {@code /engine-rest} use the wire names. */
public enum ResolutionReason {
    FIXED_AT_SOURCE, FALSE_POSITIVE, UPSTREAM, EXPECTED_CHANGE, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ResolutionReason> fromWireName(String value) {
        return Arrays.stream(values()).filter(reason -> reason.wireName().equals(value)).findFirst();
    }
}
