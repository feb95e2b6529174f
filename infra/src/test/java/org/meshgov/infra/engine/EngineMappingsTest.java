package org.meshgov.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The mappings parsed ahead are the ones Camunda's engine would parse itself for PostgreSQL. */
class EngineMappingsTest {

    @Test
    void theMappingsParsedAheadMapEveryStatementAsTheEngineWouldForPostgresql() {
        Configuration ahead = EngineMappings.parse();
        Configuration engines = enginesOwnParse();

        assertThat(statements(ahead)).isEqualTo(statements(engines)).hasSizeGreaterThan(800);
        assertThat(ahead.getResultMapNames()).containsExactlyInAnyOrderElementsOf(engines.getResultMapNames());
        assertThat(ahead.getVariables()).isEqualTo(engines.getVariables());
        assertThat(ahead.isLazyLoadingEnabled()).isEqualTo(engines.isLazyLoadingEnabled());
        assertThat(ahead.getJdbcTypeForNull()).isEqualTo(engines.getJdbcTypeForNull());
    }

    /** Each statement's kind and, where MyBatis fixed it at parse time, its SQL with the PostgreSQL properties. */
    private static Map<String, String> statements(Configuration configuration) {
        Map<String, String> statements = new TreeMap<>();
        for (Object entry : configuration.getMappedStatements()) {
            if (entry instanceof MappedStatement statement) {
                SqlSource source = statement.getSqlSource();
                String sql = source.getClass().getSimpleName().equals("DynamicSqlSource") ? "dynamic"
                        : source.getBoundSql(null).getSql();
                statements.put(statement.getId(), statement.getSqlCommandType() + " " + sql);
            }
        }
        return statements;
    }

    private static Configuration enginesOwnParse() {
        PGSimpleDataSource unused = new PGSimpleDataSource();
        EnginesOwnParse engine = new EnginesOwnParse();
        engine.setDatabaseType(EngineMappings.DATABASE_TYPE);
        engine.setDatabaseTablePrefix(EngineMappings.TABLE_PREFIX);
        engine.setDataSource(unused);
        engine.setTransactionFactory(new JdbcTransactionFactory());
        engine.parse();
        return engine.getSqlSessionFactory().getConfiguration();
    }

    private static final class EnginesOwnParse extends StandaloneProcessEngineConfiguration {
        void parse() {
            initSqlSessionFactory();
        }
    }
}
