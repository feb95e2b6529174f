package org.meshgov.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Finds the process of a governed case once the event that starts it has been handled. */
public final class Processes {

    private Processes() {
    }

    public static ProcessInstance awaitProcess(HistoryService history, RuntimeService runtime, String businessKey) {
        HistoricProcessInstance started = await().atMost(Duration.ofSeconds(20)).until(
                () -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                        .singleResult(),
                instance -> instance != null);
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(started.getId())
                .singleResult();
        return running != null ? running : new EndedProcessInstance(started);
    }

    /** camunda-bpm-assert reads an ended instance from history by its id; this carries the id. */
    private record EndedProcessInstance(HistoricProcessInstance historic) implements ProcessInstance {
        @Override
        public String getProcessDefinitionId() {
            return historic.getProcessDefinitionId();
        }

        @Override
        public String getProcessDefinitionKey() {
            return historic.getProcessDefinitionKey();
        }

        @Override
        public String getBusinessKey() {
            return historic.getBusinessKey();
        }

        @Override
        public String getRootProcessInstanceId() {
            return historic.getRootProcessInstanceId();
        }

        @Override
        public String getCaseInstanceId() {
            return historic.getCaseInstanceId();
        }

        @Override
        public boolean isSuspended() {
            return false;
        }

        @Override
        public String getId() {
            return historic.getId();
        }

        @Override
        public boolean isEnded() {
            return true;
        }

        @Override
        public String getProcessInstanceId() {
            return historic.getId();
        }

        @Override
        public String getTenantId() {
            return historic.getTenantId();
        }
    }
}
