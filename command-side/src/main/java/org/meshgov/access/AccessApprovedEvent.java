package org.meshgov.access;

/** One required party approved; the grant follows when every required party has. */
public record AccessApprovedEvent(String requestId, ApprovalRole role, String comment, String approvedBy) {
}
