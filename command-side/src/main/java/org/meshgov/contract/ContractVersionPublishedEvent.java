package org.meshgov.contract;

import java.util.List;

/** The version is a promise to consumers from now on. {@code automaticReason} is set when nobody had to approve. */
public record ContractVersionPublishedEvent(String contractId, String version, int revision, String domain,
                                            String contentHash, List<String> approvedBy, String automaticReason) {
}
