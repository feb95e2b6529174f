package org.meshgov.infra.audit;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshgov.contract.Contract;
import org.meshgov.contract.catalog.ContractCatalogProjection;
import org.meshgov.contract.catalog.ContractCatalogQueries;
import org.meshgov.contract.catalog.ContractHistory;
import org.meshgov.contract.catalog.ContractView;
import org.meshgov.deprecation.read.DeprecationProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog entry of a contract at an instant: the contract's events up to then are run through
 * the catalog's own projections inside a transaction that is always rolled back, so the answer comes
 * from the event log with exactly the rules of the live catalog, and the live catalog is untouched.
 */
@Component
public class ContractCatalogAsOf implements ContractHistory {

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ContractCatalogQueries queries;
    private final AnnotationEventHandlerAdapter catalog;
    private final AnnotationEventHandlerAdapter deprecations;

    public ContractCatalogAsOf(EventStore events, JdbcTemplate jdbc, TransactionTemplate transaction,
                               ContractCatalogQueries queries, ContractCatalogProjection catalog,
                               DeprecationProjection deprecations) {
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.queries = queries;
        this.catalog = new AnnotationEventHandlerAdapter(catalog);
        this.deprecations = new AnnotationEventHandlerAdapter(deprecations);
    }

    @Override
    public Optional<ContractView> asOf(String contractId, Instant instant) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("DELETE FROM catalog_contract_version WHERE contract_id = ?", contractId);
            jdbc.update("DELETE FROM deprecation WHERE contract_id = ?", contractId);
            events.readEvents(Contract.aggregateId(contractId)).asStream()
                    .filter(event -> !event.getTimestamp().isAfter(instant))
                    .forEach(this::project);
            return queries.contract(contractId);
        });
    }

    private void project(EventMessage<?> event) {
        try {
            if (catalog.canHandle(event)) {
                catalog.handle(event);
            }
            if (deprecations.canHandle(event)) {
                deprecations.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot replay " + event.getPayloadType().getSimpleName(), e);
        }
    }
}
