package org.meshgov.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The published contracts consumers can ask access to, as the command side sees them. */
public interface PublishedContracts {

    /** The latest published (and not retired) version of that major, with its document. */
    Optional<PublishedVersion> latestInMajor(String contractId, long major);

    record PublishedVersion(String contractId, String version, String domain, JsonNode document) {
    }
}
