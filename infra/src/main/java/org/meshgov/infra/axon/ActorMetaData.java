package org.meshgov.infra.axon;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.meshgov.identity.ActedCommand;
import org.meshgov.identity.AuditorsIssueNoCommands;
import org.springframework.stereotype.Component;

/**
 * Stamps who asked for a command and when into its metadata, from where it reaches every event it
 * causes; and keeps auditors from issuing any.
 */
@Component
public class ActorMetaData implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String ACTED_AT = "actedAt";

    private final Clock clock;

    public ActorMetaData(CommandBus commandBus, Clock clock) {
        this.clock = clock;
        commandBus.registerDispatchInterceptor(this);
        commandBus.registerHandlerInterceptor(new AuditorsIssueNoCommands());
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getPayload() instanceof ActedCommand acted
                ? command.andMetaData(Map.of(ACTOR, acted.actor().userId(), ACTED_AT, Instant.now(clock).toString()))
                : command;
    }
}
