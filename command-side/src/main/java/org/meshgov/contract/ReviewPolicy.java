package org.meshgov.contract;

import java.util.Set;
import org.meshgov.domain.DomainProfile;
import org.meshgov.identity.GlobalGroups;

/** Decides who reviews a proposal, so that nobody ever approves their own. */
public final class ReviewPolicy {

    private ReviewPolicy() {
    }

    /**
     * {@code governanceRequired}: an enforced policy rule asks for a governance review (by default,
     * for breaking changes); a cosmetic change that needs one is not approved automatically either.
     */
    public static ReviewPlan plan(ChangeLevel level, String proposer, DomainProfile domain, Set<String> owners,
                                  boolean governanceRequired) {
        if (level.isCosmeticOnly() && !governanceRequired) {
            return new ReviewPlan(true, null, false);
        }
        boolean anotherOwnerCanReview = owners.stream().anyMatch(owner -> !owner.equals(proposer));
        String ownerReviewGroup = anotherOwnerCanReview ? domain.ownerGroup() : GlobalGroups.GOVERNANCE_REVIEWERS;
        return new ReviewPlan(false, ownerReviewGroup, governanceRequired);
    }
}
