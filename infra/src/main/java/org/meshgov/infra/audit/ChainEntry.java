package org.meshgov.infra.audit;

/**
 * One link of the chain as stored: the hash recorded when the event was appended, and the event as it
 * is stored now, or null when the event the link points at is gone.
 */
public record ChainEntry(long position, long globalIndex, byte[] previousHash, byte[] hash, StoredEvent event) {
}
