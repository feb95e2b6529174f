package org.meshgov.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

@MeshgovSpringTest
class EngineMappingsInUseTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theRunningEngineWorksOnTheMappingsParsedAheadOfIt() {
        Configuration mappings = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getSqlSessionFactory().getConfiguration();

        assertThat(mappings.getEnvironment().getTransactionFactory().getClass().getEnclosingClass())
                .isEqualTo(EngineMappings.class);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("contract-review")
                .count()).isPositive();
    }
}
