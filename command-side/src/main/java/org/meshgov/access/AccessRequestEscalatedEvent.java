package org.meshgov.access;

public record AccessRequestEscalatedEvent(String requestId, String escalatedTo, String escalatedBy) {
}
