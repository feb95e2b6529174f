package org.meshgov.contract.catalog;

import java.util.List;

public record ContractView(String contractId, String domain, String name, String description,
                           String latestVersion, String latestPublishedVersion, List<ContractVersionView> versions) {
}
