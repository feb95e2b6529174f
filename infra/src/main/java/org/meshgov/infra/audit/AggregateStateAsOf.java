package org.meshgov.infra.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.meshgov.access.AccessRequest;
import org.meshgov.contract.Contract;
import org.meshgov.domain.DataDomain;
import org.meshgov.governance.UnknownEntityException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an aggregate looked like at an instant: its events up to then, from the event store (not a
 * projection), applied by the aggregate's own event-sourcing handlers.
 */
@Component
public class AggregateStateAsOf {

    /** The URL names of aggregate types and the prefixes of their ids in the event store. */
    private static final Map<String, Class<?>> TYPES = Map.of(
            "contract", Contract.class,
            "domain", DataDomain.class,
            "access", AccessRequest.class);

    /** {@code position}: the chain position of the last event applied, as in the history and the export. */
    public record StateAsOf(String aggregateType, String aggregateId, Instant asOf, long position, long sequence,
                            Instant lastEventAt, String lastEventType, JsonNode state) {
    }

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper fields;
    private final Configuration axon;
    /** Inspecting an aggregate's handlers is reflection over the whole class: once per type, not per request. */
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    public AggregateStateAsOf(EventStore events, JdbcTemplate jdbc, ObjectMapper json,
                              Configuration axon) {
        this.events = events;
        this.jdbc = jdbc;
        this.axon = axon;
        // the aggregate's own fields are its state; it has no getters to go by
        this.fields = json.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /**
     * With the application's parameter resolvers: the aggregates' command handlers take Spring beans
     * (the domain directory), which the class path's default resolvers cannot supply, and inspection
     * refuses a handler it cannot resolve even though a rebuilt aggregate never handles a command.
     */
    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> aggregateType) {
        return (AggregateModel<T>) models.computeIfAbsent(aggregateType, type -> AnnotatedAggregateMetaModelFactory
                .inspectAggregate(type, axon.parameterResolverFactory(), axon.handlerDefinition(type)));
    }

    public static List<String> types() {
        return TYPES.keySet().stream().sorted().toList();
    }

    public Optional<StateAsOf> rebuild(String type, String id, Instant asOf) {
        Class<?> aggregateType = TYPES.get(type);
        if (aggregateType == null) {
            throw new UnknownEntityException("no aggregate type " + type + "; known: " + types());
        }
        return rebuild(aggregateType, type, id, asOf);
    }

    private <T> Optional<StateAsOf> rebuild(Class<T> aggregateType, String type, String id, Instant asOf) {
        List<? extends DomainEventMessage<?>> applied = events.readEvents(type + ":" + id).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .toList();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        AggregateModel<T> model = model(aggregateType);
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(type + ":" + id, applied.get(0));
        // nothing is published: the rebuilt aggregate handles no command
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, (EventBus) null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(applied.stream().map(e -> (DomainEventMessage<?>) e)
                .toList()));
        DomainEventMessage<?> last = applied.get(applied.size() - 1);
        long position = jdbc.queryForObject("""
                SELECT c.position FROM event_chain c JOIN domainevententry e ON e.globalindex = c.global_index
                WHERE e.aggregateidentifier = ? AND e.sequencenumber = ?""", Long.class, type + ":" + id,
                last.getSequenceNumber());
        return Optional.of(new StateAsOf(type, id, asOf, position, last.getSequenceNumber(), last.getTimestamp(),
                last.getPayloadType().getSimpleName(), fields.valueToTree(aggregate.getAggregateRoot())));
    }
}
