package org.meshgov.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** A login is remembered for a few seconds (ADR 4); what changes in the user store applies after that. */
@MeshgovSpringTest
class RememberedLoginsTest {

    private static final Duration REMEMBERED = Duration.ofSeconds(5);

    @Autowired
    IdentityService identity;

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;
    private String userId;
    private String group;
    private EngineIdentityAuthenticationProvider provider;

    @BeforeEach
    void userWithOneGroup() {
        userId = "remembered-" + UUID.randomUUID().toString().substring(0, 8);
        group = userId + "-team";
        User user = identity.newUser(userId);
        user.setPassword("first-password");
        identity.saveUser(user);
        identity.saveGroup(identity.newGroup(group));
        identity.createMembership(userId, group);
        provider = new EngineIdentityAuthenticationProvider(identity, REMEMBERED, clock);
    }

    @AfterEach
    void removeUser() {
        identity.deleteUser(userId);
        identity.deleteGroup(group);
    }

    @Test
    void aChangedPasswordIsRefusedOnceTheRememberedLoginExpires() {
        provider.authenticate(login("first-password"));
        changePassword("second-password");

        nanos.addAndGet(REMEMBERED.minusMillis(1).toNanos());
        assertThat(provider.authenticate(login("first-password")).isAuthenticated()).isTrue();

        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThatThrownBy(() -> provider.authenticate(login("first-password")))
                .isInstanceOf(BadCredentialsException.class);
        unlockAfterFailedLogin();
        assertThat(provider.authenticate(login("second-password")).isAuthenticated()).isTrue();
    }

    @Test
    void aWrongPasswordIsNeverRememberedAsRight() {
        assertThatThrownBy(() -> provider.authenticate(login("second-password")))
                .isInstanceOf(BadCredentialsException.class);
        unlockAfterFailedLogin();
        changePassword("second-password");

        assertThat(provider.authenticate(login("second-password")).isAuthenticated()).isTrue();
    }

    @Test
    void aRememberedLoginIsOnlyGoodForTheSamePassword() {
        provider.authenticate(login("first-password"));

        assertThatThrownBy(() -> provider.authenticate(login("first-passwore")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void groupMembershipChangesApplyOnceTheRememberedLoginExpires() {
        assertThat(groupsOf(provider.authenticate(login("first-password")))).containsExactly("GROUP_" + group);
        identity.deleteMembership(userId, group);

        assertThat(groupsOf(provider.authenticate(login("first-password")))).containsExactly("GROUP_" + group);
        nanos.addAndGet(REMEMBERED.plusMillis(1).toNanos());
        assertThat(groupsOf(provider.authenticate(login("first-password")))).isEmpty();
    }

    @Test
    void withNothingRememberedEveryRequestIsChecked() {
        EngineIdentityAuthenticationProvider checksEveryTime =
                new EngineIdentityAuthenticationProvider(identity, Duration.ZERO, clock);
        checksEveryTime.authenticate(login("first-password"));
        changePassword("second-password");

        assertThatThrownBy(() -> checksEveryTime.authenticate(login("first-password")))
                .isInstanceOf(BadCredentialsException.class);
    }

    /** The engine locks a user out for a few seconds after a wrong password. */
    private void unlockAfterFailedLogin() {
        identity.unlockUser(userId);
    }

    private void changePassword(String password) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }

    private UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(userId, password);
    }

    private static java.util.List<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream().map(Object::toString).toList();
    }
}
