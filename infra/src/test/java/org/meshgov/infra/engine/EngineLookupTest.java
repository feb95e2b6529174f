package org.meshgov.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.junit.jupiter.api.Test;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Lookups the engine repeats on every request or timer find what they look for without a class path scan. */
@MeshgovSpringTest
class EngineLookupTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void engineRestFindsTheEngineProviderInTheApplicationsOwnClassesFirst() throws Exception {
        List<URL> serviceFiles = Collections.list(Thread.currentThread().getContextClassLoader()
                .getResources("META-INF/services/" + ProcessEngineProvider.class.getName()));
        String ownClasses = EngineRestConfiguration.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath();

        assertThat(serviceFiles.get(0).getPath()).contains(ownClasses);
        assertThat(EngineUtil.lookupProcessEngine(null)).isSameAs(engine);
    }

    @Test
    void timersGetTheirDatatypeFactoryByNameWithoutAClassPathScan() throws Exception {
        String named = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);

        assertThat(named).isNotBlank();
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(named);
    }
}
