package org.meshgov.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks API credentials against Camunda's user store, the same one the Tasklist logs in with, and
 * turns the user's groups into authorities.
 *
 * <p>HTTP Basic sends the credentials with every request, and checking them costs two engine
 * transactions; a login that succeeded is therefore remembered for a few seconds (ADR 4). What is
 * remembered is a keyed hash of user and password with a key that lives only in this process, so
 * neither the password nor anything that could be guessed against leaves it. A wrong password is
 * never remembered, and a changed password, a removed user or a changed group membership applies
 * once the remembered login expires.
 */
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private static final String MAC = "HmacSHA256";

    private final IdentityService identityService;
    private final Cache<String, List<SimpleGrantedAuthority>> recentLogins;
    private final SecretKeySpec loginKey;

    public EngineIdentityAuthenticationProvider(IdentityService identityService, Duration rememberLoginsFor,
                                                Ticker ticker) {
        this.identityService = identityService;
        this.recentLogins = Caffeine.newBuilder()
                .expireAfterWrite(rememberLoginsFor)
                .maximumSize(rememberLoginsFor.isZero() ? 0 : 10_000)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.loginKey = new SecretKeySpec(key, MAC);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        String login = loginHash(userId, credentials.toString());
        List<SimpleGrantedAuthority> authorities = recentLogins.getIfPresent(login);
        if (authorities == null) {
            authorities = check(userId, credentials.toString());
            recentLogins.put(login, authorities);
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private List<SimpleGrantedAuthority> check(String userId, String password) {
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group))
                .toList();
    }

    private String loginHash(String userId, String password) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(loginKey);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
