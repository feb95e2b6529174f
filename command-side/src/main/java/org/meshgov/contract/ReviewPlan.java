package org.meshgov.contract;

/**
 * Who must approve a proposal: {@code ownerReviewGroup} takes the owners' part (the governance group
 * when the proposer is the only owner); governance joins for breaking changes; cosmetic-only
 * changes need nobody.
 */
public record ReviewPlan(boolean automatic, String ownerReviewGroup, boolean requiresGovernanceReview) {
}
