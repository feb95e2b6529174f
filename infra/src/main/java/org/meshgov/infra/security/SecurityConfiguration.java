package org.meshgov.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every API request is authenticated against the engine's user store: {@code /api}, {@code /engine-rest},
 * the OpenAPI description, the actuator (health stays open) and the dashboard, whose pages the
 * browser's own HTTP Basic prompt logs into. The Camunda webapps log in with the same users through
 * their own login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    EngineIdentityAuthenticationProvider engineIdentityAuthenticationProvider(
            IdentityService identityService,
            @Value("${meshgov.security.remember-logins-for}") Duration rememberLoginsFor) {
        return new EngineIdentityAuthenticationProvider(identityService, rememberLoginsFor, Ticker.systemTicker());
    }

    /**
     * Spring Security's per-filter observations cost more CPU on every request than the rest of the
     * filter chain; the HTTP server observation ({@code http.server.requests}) still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper objectMapper,
                                    EngineIdentityAuthenticationProvider provider) throws Exception {
        ProviderManager authenticationManager = new ProviderManager(provider);
        // Path matchers, not MVC ones: /engine-rest is served by Camunda's Jersey servlet, not by Spring MVC.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(Stream.of("/api/**", "/engine-rest/**", "/actuator/**",
                        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/dashboard", "/dashboard/**")
                        .map(paths::matcher).map(RequestMatcher.class::cast).toList()))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, failure) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"meshgov\"");
                    problem(objectMapper, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                            "log in with HTTP Basic, as in the Tasklist");
                }))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, denied) ->
                        problem(objectMapper, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", denied.getMessage())))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        // The Camunda webapps authenticate and protect against CSRF themselves.
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    private static void problem(ObjectMapper objectMapper, HttpServletResponse response, int status, String title,
                                String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(),
                Map.of("type", "about:blank", "title", title, "status", status, "detail", detail,
                        "violations", List.of()));
    }
}
