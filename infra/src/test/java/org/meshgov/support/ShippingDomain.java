package org.meshgov.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * A domain of the tests' own, with two owners ({@code sam}, {@code sally}) and a member ({@code sid}),
 * so that an owner's own proposal still has another owner to review it. Password = user name.
 */
public final class ShippingDomain {

    public static final String ID = "shipping";
    public static final String OWNERS = "shipping-owners";
    public static final String MEMBERS = "shipping-members";

    private ShippingDomain() {
    }

    public static void ensure(IdentityService identity, Api api) {
        group(identity, OWNERS);
        group(identity, MEMBERS);
        user(identity, "sam", OWNERS);
        user(identity, "sally", OWNERS);
        user(identity, "sid", MEMBERS);
        if (api.get("admin", "/api/domains/" + ID).status() == 404) {
            Api.Reply registered = api.post("admin", "/api/domains", "application/json", """
                    {"id":"shipping","name":"Shipping","description":"Parcels and carriers",
                     "ownerGroup":"shipping-owners","memberGroup":"shipping-members"}""");
            if (registered.status() != 201) {
                throw new IllegalStateException("could not register shipping: " + registered);
            }
        }
    }

    private static void group(IdentityService identity, String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private static void user(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(id);
            identity.saveUser(user);
            for (String groupId : List.of(group)) {
                identity.createMembership(id, groupId);
            }
        }
    }

    public static String contract(String file, String contractId) {
        return Examples.ordersContract(file, contractId).replace("domain: orders", "domain: " + ID);
    }
}
