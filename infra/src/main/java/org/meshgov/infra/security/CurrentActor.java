package org.meshgov.infra.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.meshgov.identity.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of this request, as the command side sees them. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Actor of(Authentication authentication) {
        return new Actor(authentication.getName(), groupsOf(authentication));
    }

    static Set<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(EngineIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(EngineIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
