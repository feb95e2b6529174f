package org.meshgov.access;

public enum AccessStatus {
    PENDING, GRANTED, DENIED, EXPIRED, REVOKED, ENDED;

    public boolean isOpen() {
        return this == PENDING || this == GRANTED;
    }
}
