package org.meshgov.infra.policy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.meshgov.identity.Actor;
import org.meshgov.policy.AdoptDefaultPolicySetCommand;
import org.meshgov.policy.PolicyCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adopts the shipped policy set as version 1 at the first start, before anything else runs a
 * command; later starts find it adopted and change nothing.
 */
@Component
@Order(-1)
public class PolicySetStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicySetStartup.class);

    private final CommandGateway commands;

    public PolicySetStartup(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            long version = commands.sendAndWait(new AdoptDefaultPolicySetCommand(PolicyCompiler.defaultPolicySet(),
                    Actor.system("default-policy-set")));
            log.info("Policy set version {} is in force", version);
        } catch (EventStoreException anotherNodeAdoptedItFirst) {
            log.info("Another node adopted the default policy set at the same moment");
        }
    }
}
