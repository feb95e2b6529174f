package org.meshgov.access;

/** Who must approve: the owning domain's owners always, a privacy officer when personal data is asked for. */
public enum ApprovalRole {
    OWNER, PRIVACY
}
