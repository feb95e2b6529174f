package org.meshgov.access;

import java.util.Arrays;
import java.util.Optional;

public enum AccessDecision {
    APPROVE("approve"), DENY("deny");

    private final String wireName;

    AccessDecision(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code decision} variable in the Tasklist form and on {@code /engine-rest}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<AccessDecision> fromWireName(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(value)).findFirst();
    }
}
