package org.meshgov.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a failed rule does at a stage: nothing, a warning recorded with the case, or its
 * consequence (a refusal, or the rule's remedy).
 */
public enum Enforcement {
    OFF, ADVISORY, ENFORCED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Enforcement fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
