package org.meshgov.access;

import java.util.List;

/** {@code warnings}: accepted, but the requester should know (for example that the version is deprecated). */
public record AccessRequestAccepted(String requestId, AccessStatus status, List<ApprovalRole> approvalsNeeded,
                                    List<String> warnings) {
}
