package org.meshgov.contract;

public enum ContractVersionStatus {
    IN_REVIEW, CHANGES_REQUESTED, PUBLISHED, REJECTED, WITHDRAWN, DEPRECATED, RETIRED;

    public boolean isOpen() {
        return this == IN_REVIEW || this == CHANGES_REQUESTED;
    }
}
