package org.meshgov.access;

public record AccessDeniedEvent(String requestId, ApprovalRole role, String reason, String deniedBy) {
}
