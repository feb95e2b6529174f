package org.meshgov.infra.web;

import java.io.IOException;
import java.io.InputStream;
import org.meshgov.governance.GovernanceViolationException;
import org.meshgov.identity.Actor;
import org.meshgov.identity.GlobalGroups;
import org.meshgov.identity.NotAllowedException;
import org.meshgov.infra.security.CurrentActor;
import org.meshgov.policy.whatif.PolicyWhatIf;
import org.meshgov.policy.whatif.WhatIfReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PolicyWhatIfController {

    static final int MAX_CASES_LISTED = 1_000;

    private final PolicyWhatIf whatIf;

    public PolicyWhatIfController(PolicyWhatIf whatIf) {
        this.whatIf = whatIf;
    }

    /**
     * A draft policy set (YAML or JSON) judged against every past case in the event log; nothing is
     * written. It names cases from every domain, so governance reviewers, platform admins and
     * auditors ask it.
     */
    @PostMapping(value = "/api/policies/what-if", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "application/json"})
    public WhatIfReport whatIf(InputStream body, @RequestParam(defaultValue = "20") int limit) throws IOException {
        Actor actor = CurrentActor.get();
        if (!actor.isMemberOf(GlobalGroups.GOVERNANCE_REVIEWERS) && !actor.isMemberOf(GlobalGroups.PLATFORM_ADMINS)
                && !actor.isMemberOf(GlobalGroups.AUDITORS)) {
            throw new NotAllowedException("governance reviewers, platform admins and auditors ask what-if");
        }
        if (limit < 0 || limit > MAX_CASES_LISTED) {
            throw GovernanceViolationException.of("$.limit", "limit", "list 0 to " + MAX_CASES_LISTED
                    + " cases per rule and domain");
        }
        return whatIf.replay(PolicyDocuments.read(body), limit);
    }
}
