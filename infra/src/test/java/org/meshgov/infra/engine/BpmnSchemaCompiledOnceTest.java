package org.meshgov.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** BPMN files are validated against the schema compiled once, with the answers Camunda's own parser gives. */
@MeshgovSpringTest
class BpmnSchemaCompiledOnceTest {

    private static final String NOT_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              targetNamespace="urn:meshgov:test" id="schema-refused">
              <bpmn:process id="schema-refused" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start" />
                <bpmn:notAnElement id="odd" />
                <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end" unknownAttribute="x" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    ProcessEngine engine;

    @Test
    void theEnginesBpmnDeployerParsesWithTheCompiledSchema() {
        assertThat(bpmnDeployer().getBpmnParser()).isInstanceOf(BpmnSchemaCompiledOnce.CompiledSchemaParser.class);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("contract-review")
                .count()).as("the product's processes deployed through it").isPositive();
    }

    @Test
    void aFileTheSchemaRefusesIsRefusedWithTheProblemsCamundasOwnParserReports() {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        List<String> ours = problemsOfDeploying(NOT_BPMN);
        BpmnDeployer deployer = bpmnDeployer();
        BpmnParser compiledOnce = deployer.getBpmnParser();
        List<String> camundas;
        try {
            BpmnParser camundasOwn = new BpmnParser(compiledOnce.getExpressionManager(), configuration().getBpmnParseFactory());
            camundasOwn.setParseListeners(compiledOnce.getParseListeners());
            deployer.setBpmnParser(camundasOwn);
            camundas = problemsOfDeploying(NOT_BPMN);
        } finally {
            deployer.setBpmnParser(compiledOnce);
        }

        assertThat(ours).isEqualTo(camundas).anySatisfy(problem -> assertThat(problem).contains("cvc-"));
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private List<String> problemsOfDeploying(String bpmn) {
        ParseException refused = catchThrowableOfType(ParseException.class, () -> engine.getRepositoryService()
                .createDeployment().name("schema-refused").addString("schema-refused.bpmn", bpmn).deploy());
        assertThat(refused).as("the deployment is refused").isNotNull();
        return refused.getResorceReports().stream()
                .flatMap(report -> report.getErrors().stream())
                .map(problem -> problem.getLine() + ":" + problem.getColumn() + " " + problem.getMessage())
                .toList();
    }

    private BpmnDeployer bpmnDeployer() {
        return configuration().getDeployers().stream()
                .filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast).findFirst().orElseThrow();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
