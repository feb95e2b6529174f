package org.meshgov.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The directory as a fixture sees it: domains and group members set up by each test. */
public class InMemoryDomainDirectory implements DomainDirectory {

    private final Map<String, DomainProfile> domains = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();

    public InMemoryDomainDirectory withDomain(String id, Set<String> owners) {
        DomainProfile profile = new DomainProfile(id, id, id + "-owners", id + "-members", OnboardingStage.PILOT);
        domains.put(id, profile);
        members.put(profile.ownerGroup(), owners);
        return this;
    }

    public InMemoryDomainDirectory atStage(String id, OnboardingStage stage) {
        DomainProfile profile = domains.get(id);
        domains.put(id, new DomainProfile(id, profile.name(), profile.ownerGroup(), profile.memberGroup(), stage));
        return this;
    }

    public InMemoryDomainDirectory withMembers(String id, Set<String> users) {
        members.put(domains.get(id).memberGroup(), users);
        return this;
    }

    @Override
    public Optional<DomainProfile> find(String domainId) {
        return Optional.ofNullable(domains.get(domainId));
    }

    @Override
    public Set<String> membersOf(String groupId) {
        return members.getOrDefault(groupId, Set.of());
    }
}
