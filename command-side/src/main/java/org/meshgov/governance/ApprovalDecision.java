package org.meshgov.governance;

import java.util.Arrays;
import java.util.Optional;

/** A governance reviewer's yes or no on a request that needs only that. */
public enum ApprovalDecision {
    APPROVE("approve"), REJECT("reject");

    private final String wireName;

    ApprovalDecision(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code decision} variable in the Tasklist form and on {@code /engine-rest}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ApprovalDecision> fromWireName(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(value)).findFirst();
    }
}
