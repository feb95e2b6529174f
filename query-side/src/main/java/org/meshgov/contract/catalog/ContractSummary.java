package org.meshgov.contract.catalog;

public record ContractSummary(String contractId, String domain, String name, String description,
                              String latestVersion, String latestStatus, String latestPublishedVersion) {
}
