package org.meshgov.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.governance.Violation;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

/** A business domain of the mesh: it owns data products and has owners and members. */
public class DataDomain {

    private static final Pattern DOMAIN_ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @AggregateIdentifier
    private String aggregateId;

    protected DataDomain() {
    }

    @CommandHandler
    public DataDomain(RegisterDomainCommand command) {
        if (!command.actor().isMemberOf(GlobalGroups.PLATFORM_ADMINS)) {
            throw new NotAllowedException("only platform admins register domains");
        }
        List<Violation> violations = new ArrayList<>();
        if (command.domainId() == null || !DOMAIN_ID.matcher(command.domainId()).matches()) {
            violations.add(new Violation("$.id", "domain-id",
                    "a domain id is 2 to 63 lower-case letters, digits or '-', starting with a letter"));
        }
        if (command.name() == null || command.name().isBlank()) {
            violations.add(new Violation("$.name", "required", "a domain needs a name"));
        }
        checkGroup(command.ownerGroup(), "$.ownerGroup", violations);
        checkGroup(command.memberGroup(), "$.memberGroup", violations);
        if (violations.isEmpty() && command.ownerGroup().equals(command.memberGroup())) {
            violations.add(new Violation("$.memberGroup", "distinct-groups",
                    "owners and members must be different groups"));
        }
        if (!violations.isEmpty()) {
            throw new GovernanceViolationException(violations);
        }
        apply(new DomainRegisteredEvent(command.domainId(), command.name(), command.description(),
                command.ownerGroup(), command.memberGroup(), command.actor().userId()));
    }

    private static void checkGroup(String group, String path, List<Violation> violations) {
        if (group == null || !GROUP_ID.matcher(group).matches()) {
            violations.add(new Violation(path, "group-id", "a group id of letters, digits, '.', '_' or '-' is required"));
        }
    }

    @EventSourcingHandler
    void on(DomainRegisteredEvent event) {
        aggregateId = aggregateId(event.domainId());
    }

    /** Aggregate ids share one namespace in the event store, so each type prefixes its own. */
    public static String aggregateId(String domainId) {
        return "domain:" + domainId;
    }
}
