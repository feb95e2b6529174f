package org.meshgov.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;

class DataDomainTest {

    static final Actor ADMIN = Actor.of("admin", GlobalGroups.PLATFORM_ADMINS);

    AggregateTestFixture<DataDomain> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataDomain.class);
    }

    @Test
    void aPlatformAdminRegistersADomain() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDomainCommand("orders", "Orders", "Order events", "orders-owners", "orders-members",
                        ADMIN))
                .expectEvents(new DomainRegisteredEvent("orders", "Orders", "Order events", "orders-owners",
                        "orders-members", "admin"));
    }

    @Test
    void nobodyElseRegistersADomain() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDomainCommand("orders", "Orders", null, "orders-owners", "orders-members",
                        Actor.of("olivia", "orders-owners")))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aDomainIdWithPathCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDomainCommand("../orders", "Orders", null, "orders-owners", "orders-members", ADMIN))
                .expectException(GovernanceViolationException.class)
                .expectNoEvents();
    }

    @Test
    void ownersAndMembersMustBeDifferentGroups() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDomainCommand("orders", "Orders", null, "orders-team", "orders-team", ADMIN))
                .expectException(GovernanceViolationException.class)
                .expectNoEvents();
    }
}
