package org.meshgov.access;

public record AccessRenewalDeclinedEvent(String grantId, String comment, String declinedBy) {
}
