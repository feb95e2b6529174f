package org.meshgov.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.meshgov.governance.UnknownEntityException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything an auditor asks for about one case, in one document: its events with their place in
 * the chain, the processes that handled it and who did what in them, the documents reviewed, and the
 * signed checkpoint that vouches for the events.
 */
@Component
public class CaseEvidence {

    public record Pack(String aggregateType, String aggregateId, List<Event> events, List<Process> processes,
                       List<ReviewedDocument> documents, PublishedCheckpoint checkpoint) {
    }

    public record Event(long position, String hash, long sequence, String type, Instant timestamp, String actor,
                        JsonNode payload) {
    }

    public record Process(String id, String definitionKey, String businessKey, Instant startedAt, Instant endedAt,
                          String startedBy, String state, List<Task> tasks, List<Operation> operations) {
    }

    public record Task(String id, String name, String definitionKey, String assignee, String owner,
                       Instant createdAt, Instant endedAt, String deleteReason) {
    }

    /** Camunda's user operation log: who claimed, completed or changed a task, and when. */
    public record Operation(Instant at, String userId, String operation, String entity, String taskId,
                            String property, String newValue) {
    }

    public record ReviewedDocument(long sequence, String version, String contentHash, JsonNode document) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final HistoryService history;
    private final IdentityService identity;
    private final ChainCheckpoints checkpoints;

    public CaseEvidence(JdbcTemplate jdbc, ObjectMapper json, HistoryService history, IdentityService identity,
                        ChainCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
        this.identity = identity;
        this.checkpoints = checkpoints;
    }

    public Pack of(String type, String id) {
        if (!AggregateStateAsOf.types().contains(type)) {
            throw new UnknownEntityException("no aggregate type " + type + "; known: " + AggregateStateAsOf.types());
        }
        List<Event> events = jdbc.query("""
                SELECT c.position, c.hash, e.sequencenumber, e.payloadtype, e."timestamp",
                       convert_from(e.metadata, 'UTF8')::jsonb ->> 'actor' AS actor,
                       convert_from(e.payload, 'UTF8') AS payload
                FROM domainevententry e JOIN event_chain c ON c.global_index = e.globalindex
                WHERE e.aggregateidentifier = ?
                ORDER BY e.sequencenumber""", (row, i) -> {
            String payloadType = row.getString("payloadtype");
            return new Event(row.getLong("position"), HexFormat.of().formatHex(row.getBytes("hash")),
                    row.getLong("sequencenumber"), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                    Instant.parse(row.getString("timestamp")), row.getString("actor"), read(row.getString("payload")));
        }, type + ":" + id);
        if (events.isEmpty()) {
            throw new UnknownEntityException("no " + type + " " + id);
        }
        List<ReviewedDocument> documents = events.stream()
                .filter(event -> event.type().equals("ContractVersionProposedEvent"))
                .map(event -> new ReviewedDocument(event.sequence(), event.payload().path("version").asText(null),
                        event.payload().path("contentHash").asText(null), event.payload().path("document")))
                .toList();
        long last = events.stream().mapToLong(Event::position).max().orElseThrow();
        return new Pack(type, id, events, processes(type, id), documents,
                checkpoints.covering(last).map(PublishedCheckpoint::of).orElse(null));
    }

    /** A contract's processes are keyed {@code <id>:<version>}, an access request's by its id. */
    private List<Process> processes(String type, String id) {
        // the caller's engine authorizations would hide other users' processes; rights were checked already
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            List<HistoricProcessInstance> instances = switch (type) {
                case "contract" -> history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKeyLike(id + ":%").orderByProcessInstanceStartTime().asc().list()
                        .stream().filter(p -> p.getBusinessKey().startsWith(id + ":")).toList();
                case "access" -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                        .orderByProcessInstanceStartTime().asc().list();
                default -> List.of();
            };
            return instances.stream().map(this::process).toList();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private Process process(HistoricProcessInstance instance) {
        List<Task> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().list().stream().map(CaseEvidence::task).toList();
        List<Operation> operations = history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .orderByTimestamp().asc().list().stream().map(CaseEvidence::operation).toList();
        return new Process(instance.getId(), instance.getProcessDefinitionKey(), instance.getBusinessKey(),
                instant(instance.getStartTime()), instant(instance.getEndTime()), instance.getStartUserId(),
                instance.getState(), tasks, operations);
    }

    private static Task task(HistoricTaskInstance task) {
        return new Task(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getAssignee(),
                task.getOwner(), instant(task.getStartTime()), instant(task.getEndTime()), task.getDeleteReason());
    }

    private static Operation operation(UserOperationLogEntry entry) {
        return new Operation(instant(entry.getTimestamp()), entry.getUserId(), entry.getOperationType(),
                entry.getEntityType(), entry.getTaskId(), entry.getProperty(), entry.getNewValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload is not JSON", e);
        }
    }
}
