package org.meshgov.access;

import java.util.List;

public record AccessRequestAccepted(String requestId, AccessStatus status, List<ApprovalRole> approvalsNeeded) {
}
