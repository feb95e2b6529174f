package org.meshgov.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The floor under benchmarks 1 and 2: meshgov's frameworks on the bench's PostgreSQL (its own
 * database there), doing the least a command or a proposal must do. What meshgov adds on top of this
 * (rights, aggregates, the hash chain, projections, validation, diff) is the difference between the
 * two; what this cannot reach, no code on this stack and machine can.
 */
@SpringBootApplication
public class StackFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(StackFloorApplication.class, args);
    }

    /** HTTP Basic on every request, like the engine; the password is checked in plain, cheaper than the engine's. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(User.withUsername("admin").password("admin").roles("ADMIN").build());
    }

    /**
     * The engine remembers a login for 5 s instead of hashing the password on every request; the
     * floor does less still. With the default encoder Spring Security would upgrade the password to
     * BCrypt after the first login and spend 80 ms on every request after it.
     */
    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder plainPasswords() {
        return NoOpPasswordEncoder.getInstance();
    }
}
