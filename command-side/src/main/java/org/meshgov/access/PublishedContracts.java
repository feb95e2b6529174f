package org.meshgov.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The published contracts consumers can ask access to, as the command side sees them. */
public interface PublishedContracts {

    /** The latest published version of that major that is not retired, with its document. */
    Optional<PublishedVersion> latestInMajor(String contractId, long major);

    /** The latest published version of the contract in any major that is not retired. */
    Optional<PublishedVersion> latest(String contractId);

    /** That exact version, when it is published (or deprecated, but not yet retired). */
    Optional<PublishedVersion> version(String contractId, String version);

    /** {@code deprecated}: consumers may still ask for it, but are told it is going away. */
    record PublishedVersion(String contractId, String version, String domain, JsonNode document, boolean deprecated) {
    }
}
