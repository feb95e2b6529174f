package org.meshgov.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limit, body size, then idempotency, on the API's writes; both after authentication (Spring Security's
 * chain runs at order -100), since both are kept per user.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class WriteProtectionConfiguration {

    @Bean
    FilterRegistrationBean<WriteRateLimitFilter> writeRateLimit(RateLimitProperties properties, ObjectMapper json) {
        FilterRegistrationBean<WriteRateLimitFilter> registration =
                new FilterRegistrationBean<>(new WriteRateLimitFilter(properties, json));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(json));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(15);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotency(JdbcTemplate jdbc, TransactionTemplate transactions,
                                                          ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, transactions, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(20);
        return registration;
    }
}
