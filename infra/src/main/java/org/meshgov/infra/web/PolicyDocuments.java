package org.meshgov.infra.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.meshgov.governance.GovernanceViolationException;

/** Reads a policy set document from a request body, refusing one too large to be a policy set. */
final class PolicyDocuments {

    static final int MAX_BODY_BYTES = 256 * 1024;

    private PolicyDocuments() {
    }

    static String read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        if (bytes.length == 0) {
            throw GovernanceViolationException.of("$", "required", "send the policy set as the body");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
