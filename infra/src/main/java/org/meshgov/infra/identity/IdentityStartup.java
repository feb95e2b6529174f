package org.meshgov.infra.identity;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.meshgov.domain.DomainDirectory;
import org.meshgov.domain.RegisterDomainCommand;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates the baseline identities on first start and, in demo mode, the demo users and domains. */
@Component
@Order(0)
public class IdentityStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityStartup.class);

    private final IdentityBootstrap bootstrap;
    private final CommandGateway commands;
    private final DomainDirectory domains;
    private final TransactionTemplate transaction;
    private final boolean demo;
    private final String adminPassword;

    public IdentityStartup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                           TaskService tasks, CommandGateway commands, DomainDirectory domains,
                           TransactionTemplate transaction,
                           @Value("${meshgov.demo}") boolean demo,
                           @Value("${meshgov.admin-password:}") String adminPassword) {
        this.bootstrap = new IdentityBootstrap(identity, authorizations, filters, tasks);
        this.commands = commands;
        this.domains = domains;
        this.transaction = transaction;
        this.demo = demo;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        // One transaction (one commit) for the few dozen Camunda writes of a first start, instead of one each;
        // the domains' commands follow once it has committed.
        transaction.executeWithoutResult(status -> {
            bootstrap.ensureBaseline(demo && adminPassword.isBlank() ? IdentityBootstrap.ADMIN : adminPassword);
            if (demo) {
                seedDemoIdentities();
            }
        });
        if (demo) {
            seedDemoDomains();
        }
    }

    private record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    private record DemoDomain(String id, String name, String description) {
    }

    private static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("olivia", "Olivia", "Owner", List.of("orders-owners")),
            new DemoUser("mike", "Mike", "Member", List.of("orders-members")),
            new DemoUser("oscar", "Oscar", "Owner", List.of("marketing-owners")),
            new DemoUser("mia", "Mia", "Member", List.of("marketing-members")),
            new DemoUser("greta", "Greta", "Governance", List.of(GlobalGroups.GOVERNANCE_REVIEWERS)),
            new DemoUser("priya", "Priya", "Privacy", List.of(GlobalGroups.PRIVACY_OFFICERS)),
            new DemoUser("audrey", "Audrey", "Auditor", List.of(GlobalGroups.AUDITORS)));

    private static final List<DemoDomain> DEMO_DOMAINS = List.of(
            new DemoDomain("orders", "Orders", "Order capture, fulfilment and returns"),
            new DemoDomain("marketing", "Marketing", "Campaigns, segments and attribution"));

    private void seedDemoIdentities() {
        for (DemoDomain domain : DEMO_DOMAINS) {
            bootstrap.ensureGroup(domain.id() + "-owners", domain.name() + " owners", Groups.GROUP_TYPE_WORKFLOW);
            bootstrap.ensureGroup(domain.id() + "-members", domain.name() + " members", Groups.GROUP_TYPE_WORKFLOW);
        }
        for (DemoUser user : DEMO_USERS) {
            bootstrap.ensureUser(user.id(), user.firstName(), user.lastName(), user.id());
            user.groups().forEach(group -> bootstrap.ensureMembership(user.id(), group));
        }
    }

    private void seedDemoDomains() {
        Actor admin = Actor.of(IdentityBootstrap.ADMIN, GlobalGroups.PLATFORM_ADMINS);
        for (DemoDomain domain : DEMO_DOMAINS) {
            if (domains.find(domain.id()).isEmpty()) {
                commands.sendAndWait(new RegisterDomainCommand(domain.id(), domain.name(), domain.description(),
                        domain.id() + "-owners", domain.id() + "-members", admin));
            }
        }
        log.info("Demo mode: users {} and admin can log in with their user name as password",
                DEMO_USERS.stream().map(DemoUser::id).toList());
    }
}
