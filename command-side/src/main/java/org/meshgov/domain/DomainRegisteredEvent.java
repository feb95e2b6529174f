package org.meshgov.domain;

public record DomainRegisteredEvent(String domainId, String name, String description,
                                    String ownerGroup, String memberGroup, String registeredBy) {
}
