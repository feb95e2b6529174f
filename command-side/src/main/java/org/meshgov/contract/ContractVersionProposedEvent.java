package org.meshgov.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.meshgov.contract.compatibility.Change;

/**
 * A version entered review. {@code revision} counts submissions of the same version: a revision
 * above 1 supersedes the document on which changes were requested. {@code comparedWith} is the
 * published version the {@code changes} were classified against, or null for the first one.
 */
public record ContractVersionProposedEvent(String contractId, String version, int revision, String domain,
                                           String name, JsonNode document, String contentHash, String documentUrl,
                                           String comparedWith, ChangeLevel changeLevel, List<Change> changes,
                                           ReviewPlan reviewPlan, String proposedBy) {
}
