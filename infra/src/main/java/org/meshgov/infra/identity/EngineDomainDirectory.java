package org.meshgov.infra.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.DomainProfile;
import org.meshgov.domain.read.DomainQueries;
import org.springframework.stereotype.Component;

/** Domains from the directory projection, group members from the engine's user store. */
@Component
public class EngineDomainDirectory implements DomainDirectory {

    private final DomainQueries domains;
    private final IdentityService identity;

    public EngineDomainDirectory(DomainQueries domains, IdentityService identity) {
        this.domains = domains;
        this.identity = identity;
    }

    @Override
    public Optional<DomainProfile> find(String domainId) {
        return domains.byId(domainId)
                .map(d -> new DomainProfile(d.id(), d.name(), d.ownerGroup(), d.memberGroup(), d.stage()));
    }

    /**
     * Asked while a user's request is handled, whose engine authorizations would hide other users;
     * the command side needs the whole group, so the query runs without them.
     */
    @Override
    public Set<String> membersOf(String groupId) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                    .map(User::getId)
                    .collect(Collectors.toUnmodifiableSet());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
