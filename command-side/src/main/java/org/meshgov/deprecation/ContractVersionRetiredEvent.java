package org.meshgov.deprecation;

/** The version is withdrawn; {@code lastOfItsMajor} says no live version is left in its major, so grants on it end. */
public record ContractVersionRetiredEvent(String contractId, String version, String deprecationId, long majorVersion,
                                          boolean lastOfItsMajor, String reason, String retiredBy) {
}
