package org.meshgov.infra.startup;

import java.nio.file.Path;
import org.meshgov.infra.persistence.EmbeddedPostgresStartup;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL (initdb on an empty directory, then the server) on its own thread
 * as soon as the context exists, so that it overlaps with Spring's parsing of the configuration
 * instead of following it (benchmark 6). The {@code embeddedPostgres} bean waits for it; nothing is
 * skipped. {@code meshgov.startup.parallel=false} turns it off.
 */
public class ParallelStartup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ENABLED = "meshgov.startup.parallel";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty(ENABLED, Boolean.class, true)
                || !(context instanceof GenericApplicationContext generic)
                || StringUtils.hasText(environment.getProperty("meshgov.db.url"))) {
            return;
        }
        String dataDirectory = environment.getProperty("meshgov.embedded-db.data-dir");
        if (dataDirectory == null) {
            return;
        }
        EmbeddedPostgresStartup startup = EmbeddedPostgresStartup.begin(Path.of(dataDirectory),
                environment.getRequiredProperty("meshgov.embedded-db.port", Integer.class),
                environment.getRequiredProperty("meshgov.embedded-db.durable", Boolean.class));
        DefaultListableBeanFactory beanFactory = generic.getDefaultListableBeanFactory();
        beanFactory.registerSingleton(EmbeddedPostgresStartup.BEAN_NAME, startup);
        // closes the server if the context fails before the embeddedPostgres bean took it over
        beanFactory.registerDisposableBean(EmbeddedPostgresStartup.BEAN_NAME, startup);
    }
}
