package org.meshgov.contract.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.meshgov.contract.ChangeLevel;
import org.meshgov.contract.ContractVersionProposedEvent;
import org.meshgov.contract.ReviewPlan;
import org.meshgov.domain.OnboardingStage;
import org.meshgov.policy.PolicyEvaluation;
import org.meshgov.contract.validation.ContentHash;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.support.Examples;
import org.meshgov.support.MeshgovSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A proposal event delivered twice, as after a crash between start and token update, starts one process. */
@MeshgovSpringTest
class ExactlyOnceProcessStartTest {

    @Autowired
    ContractReviewProcess starter;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aRedeliveredProposalStartsNoSecondProcess() {
        String contractId = "twice-" + UUID.randomUUID();
        JsonNode document = new ContractDocumentParser().parse(Examples.ordersContract("orders-v1.0.0.yaml", contractId)
                .getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML);
        ContractVersionProposedEvent proposed = new ContractVersionProposedEvent(contractId, "1.0.0", 1, "orders",
                "Orders placed", document, ContentHash.of(document), "http://localhost/doc", null,
                ChangeLevel.INITIAL, List.of(), new ReviewPlan(false, "orders-owners", false), "mike",
                new PolicyEvaluation(1, OnboardingStage.PILOT, List.of()));

        transaction.executeWithoutResult(status -> starter.on(proposed));
        transaction.executeWithoutResult(status -> starter.on(proposed));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contractId + ":1.0.0")
                .count()).isEqualTo(1);
    }
}
