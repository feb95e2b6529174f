package org.meshgov.infra.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** One DataSource for Axon, Camunda, Flyway and the projections: external when configured, embedded otherwise. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(ExternalDatabaseConfigured.Not.class)
    EmbeddedPostgresServer embeddedPostgres(@Value("${meshgov.embedded-db.data-dir}") String dataDirectory,
                                            @Value("${meshgov.embedded-db.port}") int port,
                                            @Value("${meshgov.embedded-db.durable}") boolean durable,
                                            ObjectProvider<EmbeddedPostgresStartup> startedEarly) throws IOException {
        // usually already starting since the context was created (ParallelStartup)
        EmbeddedPostgresStartup startup = startedEarly.getIfAvailable();
        if (startup != null) {
            return startup.takeOver();
        }
        return EmbeddedPostgresServer.start(Path.of(dataDirectory), port, durable);
    }

    @Bean(destroyMethod = "close")
    @Conditional(ExternalDatabaseConfigured.Not.class)
    DataSource embeddedDataSource(EmbeddedPostgresServer server,
                                  @Value("${meshgov.db.pool-size}") int poolSize) {
        return pool(server.jdbcUrl(), "postgres", "postgres", poolSize);
    }

    @Bean(destroyMethod = "close")
    @Conditional(ExternalDatabaseConfigured.class)
    DataSource externalDataSource(@Value("${meshgov.db.url}") String url,
                                  @Value("${meshgov.db.user:}") String user,
                                  @Value("${meshgov.db.password:}") String password,
                                  @Value("${meshgov.db.pool-size}") int poolSize) {
        return pool(url, user, password, poolSize);
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("meshgov");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}
