package org.meshgov.infra.persistence;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** {@code MESHGOV_DB_URL} (property {@code meshgov.db.url}) chooses an external PostgreSQL. */
class ExternalDatabaseConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("meshgov.db.url"));
    }

    static class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ExternalDatabaseConfigured().matches(context, metadata);
        }
    }
}
