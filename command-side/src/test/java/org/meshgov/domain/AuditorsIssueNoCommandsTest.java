package org.meshgov.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.meshgov.identity.Actor;
import org.meshgov.identity.AuditorsIssueNoCommands;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

class AuditorsIssueNoCommandsTest {

    @Test
    void anAuditorWhoIsAlsoAPlatformAdminStillCannotRegisterADomain() {
        AggregateTestFixture<DataDomain> fixture = new AggregateTestFixture<>(DataDomain.class);
        fixture.registerCommandHandlerInterceptor(new AuditorsIssueNoCommands());
        fixture.givenNoPriorActivity()
                .when(new RegisterDomainCommand("orders", "Orders", null, "orders-owners", "orders-members",
                        Actor.of("audrey", GlobalGroups.AUDITORS, GlobalGroups.PLATFORM_ADMINS)))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }
}
