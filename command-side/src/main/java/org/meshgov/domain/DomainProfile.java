package org.meshgov.domain;

/** What the command side needs to know about a registered domain to check rights. */
public record DomainProfile(String id, String name, String ownerGroup, String memberGroup) {
}
