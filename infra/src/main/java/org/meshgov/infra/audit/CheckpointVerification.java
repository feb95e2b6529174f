package org.meshgov.infra.audit;

/**
 * An export checked against a signed checkpoint. It holds only if the signature holds, the export's
 * own chain holds, and the export reaches the checkpoint's position with exactly its hash: a chain
 * rewritten from some event on is consistent with itself, but cannot reach a hash signed before.
 * {@code foundHash} is the hash the export has at the checkpoint's position (hex), null if it has none.
 */
public record CheckpointVerification(boolean signatureHolds, Verification chain, long checkpointPosition,
                                     String checkpointHash, String foundHash) {

    public boolean reachesCheckpoint() {
        return checkpointHash.equals(foundHash);
    }

    public boolean holds() {
        return signatureHolds && chain.firstBroken() == null && reachesCheckpoint();
    }
}
