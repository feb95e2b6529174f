package org.meshgov.infra.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Camunda's engine parses its MyBatis mappings (56 XML files) on the main thread while it is built:
 * about a fifth of a boot (benchmark 6, ADR 16). The parse needs only the database type and the
 * table prefix, which are fixed here (PostgreSQL, no prefix), so {@link #parseInBackground} starts it
 * on a thread of its own as soon as the application context exists ({@code ParallelStartup}), and
 * this plugin hands the result to the engine before it initialises: Camunda's
 * {@code initSqlSessionFactory} finds a session factory set and does not parse again. The engine's
 * data source and transaction factory do not exist yet at that point; the session factory reaches
 * them through delegates when it opens sessions. Without a parse started (startup not parallel),
 * Camunda parses as usual.
 */
@Component
public class EngineMappings implements ProcessEnginePlugin {

    static final String DATABASE_TYPE = "postgres";
    static final String TABLE_PREFIX = "";

    /** The parse started with the application context, if any. */
    public record Parse(CompletableFuture<Configuration> configuration) {
    }

    private final ObjectProvider<Parse> parse;
    private Configuration handedOver;

    public EngineMappings(ObjectProvider<Parse> parse) {
        this.parse = parse;
    }

    public static Parse parseInBackground() {
        CompletableFuture<Configuration> parsed = new CompletableFuture<>();
        Thread parser = new Thread(() -> {
            try {
                parsed.complete(parse());
            } catch (RuntimeException | Error e) {
                parsed.completeExceptionally(e);
            }
        }, "camunda-mappings-parse");
        parser.setDaemon(true);
        parser.start();
        return new Parse(parsed);
    }

    /** As {@code ProcessEngineConfigurationImpl.initSqlSessionFactory} parses, for PostgreSQL without a table prefix. */
    static Configuration parse() {
        Properties properties = new Properties();
        properties.put("prefix", TABLE_PREFIX);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, TABLE_PREFIX, DATABASE_TYPE);
        try (InputStream mappings = ProcessEngineConfigurationImpl.class.getClassLoader()
                .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
             Reader reader = new InputStreamReader(mappings, StandardCharsets.UTF_8)) {
            return ChildAxisXPathFactory.during(() -> new XMLConfigBuilder(reader, "", properties).parse());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl engine) {
        Parse started = parse.getIfAvailable();
        if (started == null || engine.getSqlSessionFactory() != null || engine.isUseSharedSqlSessionFactory()) {
            return;
        }
        Configuration configuration = started.configuration().join();
        configuration.setEnvironment(new Environment("default", new EngineTransactions(engine), new EngineDataSource(engine)));
        applySettings(engine, configuration);
        engine.setSqlSessionFactory(new DefaultSqlSessionFactory(configuration));
        handedOver = configuration;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        if (handedOver == null) {
            return;
        }
        if (!DATABASE_TYPE.equals(engine.getDatabaseType()) || !TABLE_PREFIX.equals(engine.getDatabaseTablePrefix())) {
            throw new IllegalStateException("the engine's mappings were parsed for PostgreSQL without a table prefix, "
                    + "but the engine runs on '" + engine.getDatabaseType() + "' with prefix '"
                    + engine.getDatabaseTablePrefix() + "'");
        }
        // settings other plugins may have changed after this one's preInit
        applySettings(engine, handedOver);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }

    private static void applySettings(ProcessEngineConfigurationImpl engine, Configuration configuration) {
        configuration.setDefaultStatementTimeout(engine.getJdbcStatementTimeout());
        configuration.setDefaultExecutorType(engine.isJdbcBatchProcessing() ? ExecutorType.BATCH : ExecutorType.SIMPLE);
    }

    /** The engine's transaction factory, which it creates after the plugins' preInit. */
    private record EngineTransactions(ProcessEngineConfigurationImpl engine) implements TransactionFactory {

        @Override
        public Transaction newTransaction(Connection connection) {
            return engine.getTransactionFactory().newTransaction(connection);
        }

        @Override
        public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
            return engine.getTransactionFactory().newTransaction(dataSource, level, autoCommit);
        }
    }

    /** The engine's data source, as it stands when a session is opened. */
    private static final class EngineDataSource extends DelegatingDataSource {
        private final ProcessEngineConfigurationImpl engine;

        EngineDataSource(ProcessEngineConfigurationImpl engine) {
            this.engine = engine;
        }

        @Override
        protected DataSource obtainTargetDataSource() {
            return engine.getDataSource();
        }

        @Override
        public void afterPropertiesSet() {
        }
    }
}
