package org.meshgov.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.meshgov.contract.ProposeContractVersionCommand;
import org.meshgov.contract.validation.ContractDocumentParser;
import org.meshgov.contract.validation.DocumentFormat;
import org.meshgov.identity.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

/** Publishes the demo orders contract under a fresh id, as Mike proposes and Olivia approves it. */
public final class PublishedContract {

    private PublishedContract() {
    }

    public static void publishOrders(String contractId, CommandGateway commands, TaskService tasks,
                                     IdentityService identity, JdbcTemplate jdbc) {
        commands.sendAndWait(new ProposeContractVersionCommand(contractId, new ContractDocumentParser().parse(
                Examples.ordersContract("orders-v1.0.0.yaml", contractId).getBytes(StandardCharsets.UTF_8),
                DocumentFormat.YAML), "http://localhost/doc", Actor.of("mike", "orders-members")));
        Task review = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(contractId + ":1.0.0").singleResult(), task -> task != null);
        identity.setAuthentication("olivia", List.of("orders-owners"));
        try {
            tasks.complete(review.getId(), Map.of("decision", "approve", "comment", "ok"));
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT status FROM catalog_contract_version WHERE contract_id = ? AND status = 'PUBLISHED'",
                String.class, contractId).size() == 1);
    }
}
