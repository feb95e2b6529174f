package org.meshgov.infra.startup;

import java.nio.file.Path;
import org.meshgov.infra.engine.EngineMappings;
import org.meshgov.infra.persistence.EmbeddedPostgresStartup;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts, each on its own thread as soon as the context exists, what would otherwise wait for
 * Spring's parsing of the configuration and then hold up the main thread (benchmark 6, ADR 16): the
 * embedded PostgreSQL (initdb on an empty directory, then the server), which the
 * {@code embeddedPostgres} bean waits for, and the parse of Camunda's MyBatis mappings, which
 * {@link EngineMappings} hands to the engine. Nothing is skipped. {@code meshgov.startup.parallel=false}
 * turns it off.
 */
public class ParallelStartup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENABLED = "meshgov.startup.parallel";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty(ENABLED, Boolean.class, true)
                || !(context instanceof GenericApplicationContext generic)) {
            return;
        }
        DefaultListableBeanFactory beanFactory = generic.getDefaultListableBeanFactory();
        beanFactory.registerSingleton("engineMappingsParse", EngineMappings.parseInBackground());
        if (StringUtils.hasText(environment.getProperty("meshgov.db.url"))) {
            return;
        }
        String dataDirectory = environment.getProperty("meshgov.embedded-db.data-dir");
        if (dataDirectory == null) {
            return;
        }
        EmbeddedPostgresStartup startup = EmbeddedPostgresStartup.begin(Path.of(dataDirectory),
                environment.getRequiredProperty("meshgov.embedded-db.port", Integer.class),
                environment.getRequiredProperty("meshgov.embedded-db.durable", Boolean.class));
        beanFactory.registerSingleton(EmbeddedPostgresStartup.BEAN_NAME, startup);
        // closes the server if the context fails before the embeddedPostgres bean took it over
        beanFactory.registerDisposableBean(EmbeddedPostgresStartup.BEAN_NAME, startup);
    }
}
