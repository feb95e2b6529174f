package org.meshgov.contract;

import java.util.Arrays;
import java.util.Optional;

public enum ReviewDecision {
    APPROVE("approve"), REQUEST_CHANGES("requestChanges"), REJECT("reject");

    private final String wireName;

    ReviewDecision(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code decision} variable in the Tasklist form and on {@code /engine-rest}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ReviewDecision> fromWireName(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(value)).findFirst();
    }

    public boolean needsComment() {
        return this != APPROVE;
    }
}
