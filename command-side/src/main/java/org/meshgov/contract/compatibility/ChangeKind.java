package org.meshgov.contract.compatibility;

/**
 * How a change between two versions of a contract affects its consumers.
 * Declared from the least to the most severe, so the natural order of the constants is their severity.
 */
public enum ChangeKind {
    /** Nothing a consumer relies on changes: documentation, ownership, labels. */
    COSMETIC,
    /** Consumers get more than before and nothing they relied on goes away. */
    ADDITIVE,
    /** Something a consumer may rely on is gone or different. */
    BREAKING;

    public ChangeKind mostSevere(ChangeKind other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
