package org.meshgov.infra.audit;

/** How many links held, in chain order, and the first that did not; null when every link held. */
public record Verification(long verified, Broken firstBroken) {

    /**
     * The position where the chain stops holding, with hex hashes: {@code expected} is what the chain
     * requires there, {@code found} what is there now. At an altered event, the hash recorded at
     * append time and the hash of the event as stored now; at a removed event, the recorded hash and
     * null; at a link that does not follow its predecessor, the predecessor's hash and the previous
     * hash recorded; where the chain has no link at all, both null.
     */
    public record Broken(long position, String expected, String found) {
    }
}
