package org.meshgov.deprecation;

/** A consumer domain of a deprecated version, and the group that answers for it. */
public record Consumer(String domain, String ownerGroup) {
}
