package org.meshgov.infra.engine;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda works out every timer's due date with a new {@code DatatypeFactory}, and
 * {@code DatatypeFactory.newInstance()} scans every jar on the class path for a service file unless
 * a system property names the implementation: a tenth of the CPU that starting a review process took
 * (BENCHMARKS.md, 2). Before the engine starts, the property is set to the implementation that one
 * scan finds, so every timer gets the same implementation as before without the scan.
 */
@Component
public class DatatypeFactoryLookup extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) != null) {
            return;
        }
        try {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.newInstance().getClass().getName());
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no DatatypeFactory for the engine's timers", e);
        }
    }
}
