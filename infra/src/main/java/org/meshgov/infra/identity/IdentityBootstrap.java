package org.meshgov.infra.identity;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.meshgov.identity.GlobalGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The groups, rights and admin user that every installation needs, created once and found again on
 * every later start.
 */
public class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    public static final String ADMIN = "admin";
    static final String REVIEW_FILTER = "My review tasks";
    static final String ASSIGNED_FILTER = "Assigned to me";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                             TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    public void ensureBaseline(String adminPassword) {
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        ensureGroup(GlobalGroups.PLATFORM_ADMINS, "Platform admins", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(GlobalGroups.GOVERNANCE_REVIEWERS, "Governance reviewers", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(GlobalGroups.PRIVACY_OFFICERS, "Privacy officers", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(GlobalGroups.AUDITORS, "Auditors", Groups.GROUP_TYPE_WORKFLOW);
        grantAdminsEverything();
        grantEveryoneTheTasklist();
        grantAuditorsTheCockpit();
        ensureTaskFilters();
        if (identity.createUserQuery().userId(ADMIN).count() == 0) {
            if (adminPassword == null || adminPassword.isBlank()) {
                throw new IllegalStateException("First start: set MESHGOV_ADMIN_PASSWORD (or MESHGOV_DEMO=true) "
                        + "so that the platform admin '" + ADMIN + "' can be created");
            }
            ensureUser(ADMIN, "Platform", "Admin", adminPassword);
            log.info("Created the platform admin '{}'", ADMIN);
        }
        ensureMembership(ADMIN, Groups.CAMUNDA_ADMIN);
        ensureMembership(ADMIN, GlobalGroups.PLATFORM_ADMINS);
    }

    public void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    public void ensureUser(String id, String firstName, String lastName, String password) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@meshgov.local");
        user.setPassword(password);
        identity.saveUser(user);
    }

    public void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void grantAdminsEverything() {
        for (Resource resource : Resources.values()) {
            grant(Authorization.AUTH_TYPE_GRANT, Groups.CAMUNDA_ADMIN, null, resource, Authorization.ANY,
                    Permissions.ALL);
        }
    }

    private void grantEveryoneTheTasklist() {
        grant(Authorization.AUTH_TYPE_GLOBAL, null, Authorization.ANY, Resources.APPLICATION, "tasklist",
                Permissions.ACCESS);
        // Tasklist reads each task's process definition to render its form.
        grant(Authorization.AUTH_TYPE_GLOBAL, null, Authorization.ANY, Resources.PROCESS_DEFINITION,
                Authorization.ANY, Permissions.READ);
        // the processes people start themselves; their commands check who may
        for (String startable : List.of("raise-deprecation", "raise-incident")) {
            grant(Authorization.AUTH_TYPE_GLOBAL, null, Authorization.ANY, Resources.PROCESS_DEFINITION, startable,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grant(Authorization.AUTH_TYPE_GLOBAL, null, Authorization.ANY, Resources.PROCESS_INSTANCE,
                Authorization.ANY, Permissions.CREATE);
    }

    private void grantAuditorsTheCockpit() {
        grant(Authorization.AUTH_TYPE_GRANT, GlobalGroups.AUDITORS, null, Resources.APPLICATION, "cockpit",
                Permissions.ACCESS);
        grant(Authorization.AUTH_TYPE_GRANT, GlobalGroups.AUDITORS, null, Resources.PROCESS_DEFINITION,
                Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        grant(Authorization.AUTH_TYPE_GRANT, GlobalGroups.AUDITORS, null, Resources.PROCESS_INSTANCE,
                Authorization.ANY, Permissions.READ);
    }

    private void ensureTaskFilters() {
        ensureFilter(REVIEW_FILTER, tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        // a task that goes to one person, like an incident's resolution, has no candidate group to be found by
        ensureFilter(ASSIGNED_FILTER, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private void ensureFilter(String name, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner(ADMIN).setQuery(query);
            filters.saveFilter(filter);
        }
        grant(Authorization.AUTH_TYPE_GLOBAL, null, Authorization.ANY, Resources.FILTER, filter.getId(),
                Permissions.READ);
    }

    private void grant(int type, String groupId, String userId, Resource resource, String resourceId,
                       Permission... permissions) {
        boolean exists = (groupId != null
                ? authorizations.createAuthorizationQuery().groupIdIn(groupId)
                : authorizations.createAuthorizationQuery().userIdIn(userId))
                .authorizationType(type)
                .resourceType(resource)
                .resourceId(resourceId)
                .count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(type);
        if (groupId != null) {
            authorization.setGroupId(groupId);
        } else {
            authorization.setUserId(userId);
        }
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }
}
