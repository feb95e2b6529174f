package org.meshgov.deprecation.retirement;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.meshgov.access.AccessEndedEvent;
import org.meshgov.access.AccessExpiredEvent;
import org.meshgov.access.AccessGrantedEvent;
import org.meshgov.access.AccessRevokedEvent;
import org.meshgov.access.EndAccessCommand;
import org.meshgov.access.read.AccessQueries;
import org.meshgov.deprecation.AddDeprecationConsumerCommand;
import org.meshgov.deprecation.ConfirmMigrationCommand;
import org.meshgov.deprecation.Consumer;
import org.meshgov.deprecation.ContractVersionRetiredEvent;
import org.meshgov.deprecation.read.DeprecationQueries;
import org.meshgov.deprecation.read.DeprecationView;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * Keeps deprecations and grants consistent: a consumer granted during a deprecation joins it, a
 * consumer whose last grant ends has migrated, and a retired major version ends its grants.
 */
@Component
@ProcessingGroup(GrantsFollowDeprecations.PROCESSING_GROUP)
@DisallowReplay
public class GrantsFollowDeprecations {

    public static final String PROCESSING_GROUP = "deprecation-policies";

    private final CommandGateway commands;
    private final DeprecationQueries deprecations;
    private final AccessQueries access;
    private final DomainDirectory domains;

    public GrantsFollowDeprecations(CommandGateway commands, DeprecationQueries deprecations, AccessQueries access,
                                    DomainDirectory domains) {
        this.commands = commands;
        this.deprecations = deprecations;
        this.access = access;
        this.domains = domains;
    }

    @EventHandler
    void on(AccessGrantedEvent event) {
        deprecations.openOn(event.contractId(), event.majorVersion()).ifPresent(deprecation ->
                domains.find(event.consumerDomain()).ifPresent(consumer -> commands.sendAndWait(
                        new AddDeprecationConsumerCommand(event.contractId(), deprecation.version(),
                                new Consumer(consumer.id(), consumer.ownerGroup()), Actor.system("grant-added")))));
    }

    @EventHandler
    void on(AccessExpiredEvent event) {
        lastGrantEnded(event.contractId(), event.majorVersion(), event.consumerDomain(), event.grantId());
    }

    @EventHandler
    void on(AccessRevokedEvent event) {
        lastGrantEnded(event.contractId(), event.majorVersion(), event.consumerDomain(), event.grantId());
    }

    @EventHandler
    void on(AccessEndedEvent event) {
        lastGrantEnded(event.contractId(), event.majorVersion(), event.consumerDomain(), event.grantId());
    }

    @EventHandler
    void on(ContractVersionRetiredEvent event) {
        if (!event.lastOfItsMajor()) {
            return;
        }
        access.grantsActiveAt(Instant.now(), event.contractId(), null).stream()
                .filter(grant -> grant.majorVersion() == event.majorVersion())
                .forEach(grant -> commands.sendAndWait(new EndAccessCommand(grant.grantId(),
                        "version " + event.version() + " was retired", Actor.system("version-retired"))));
    }

    private void lastGrantEnded(String contractId, long major, String consumerDomain, String endedGrant) {
        DeprecationView deprecation = deprecations.openOn(contractId, major).orElse(null);
        if (deprecation == null || deprecation.consumers().stream().noneMatch(c -> c.domain().equals(consumerDomain))) {
            return;
        }
        boolean stillGranted = access.grantsActiveAt(Instant.now(), contractId, consumerDomain).stream()
                .anyMatch(grant -> grant.majorVersion() == major && !grant.grantId().equals(endedGrant));
        if (!stillGranted) {
            commands.sendAndWait(new ConfirmMigrationCommand(contractId, deprecation.version(), consumerDomain,
                    "its grant on the old version ended", Actor.system("grant-ended")));
        }
    }
}
