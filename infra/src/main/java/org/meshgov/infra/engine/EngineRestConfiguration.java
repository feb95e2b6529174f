package org.meshgov.infra.engine;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /engine-rest} as Camunda ships it, plus our refusals reported as the 4xx they are. */
@Configuration(proxyBeanMethods = false)
public class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerAdditionalResources() {
                super.registerAdditionalResources();
                register(WorkflowRefusalMapper.class);
                register(WorkflowRefusalMapper.Unwrapped.class);
                register(WorkflowRefusalMapper.MissingBody.class);
            }
        };
    }
}
