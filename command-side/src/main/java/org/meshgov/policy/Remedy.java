package org.meshgov.policy;

/**
 * What an enforced rule does instead of refusing: the case goes ahead, but with an added review.
 * Only contract proposals have one (a governance reviewer joins the review).
 */
public enum Remedy {
    GOVERNANCE_REVIEW("governance-review");

    private final String wireName;

    Remedy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Remedy fromWireName(String value) {
        for (Remedy remedy : values()) {
            if (remedy.wireName.equals(value)) {
                return remedy;
            }
        }
        throw new IllegalArgumentException("no remedy " + value);
    }
}
