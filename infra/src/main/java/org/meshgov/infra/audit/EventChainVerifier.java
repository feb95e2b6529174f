package org.meshgov.infra.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;
import org.meshgov.infra.audit.Verification.Broken;

/**
 * Recomputes the chain the database builds on every append. Plain Java on purpose, so that the same
 * code checks an export offline, without the engine or its database.
 */
public final class EventChainVerifier {

    /** What the first event is chained to. */
    public static final byte[] GENESIS = new byte[32];

    private EventChainVerifier() {
    }

    /**
     * Checks positions {@code from} to {@code to} against entries in position order, stopping at the
     * first link that does not hold. A range from position 1 starts at {@link #GENESIS}; a later
     * range starts from the previous hash its first entry records, which only a verification from an
     * earlier position (or a head written down before) can vouch for.
     */
    public static Verification verify(long from, long to, Stream<ChainEntry> entries) {
        Iterator<ChainEntry> links = entries.iterator();
        MessageDigest sha256 = sha256();
        byte[] previous = from <= 1 ? GENESIS : null;
        long verified = 0;
        for (long position = Math.max(1, from); position <= to; position++) {
            ChainEntry entry = links.hasNext() ? links.next() : null;
            Broken broken = brokenAt(position, previous, entry, sha256);
            if (broken != null) {
                return new Verification(verified, broken);
            }
            previous = entry.hash();
            verified++;
        }
        return new Verification(verified, null);
    }

    /** SHA-256 over the previous hash and the event's canonical form. */
    public static byte[] hash(byte[] previousHash, StoredEvent event) {
        return hash(previousHash, event, sha256());
    }

    private static byte[] hash(byte[] previousHash, StoredEvent event, MessageDigest sha256) {
        sha256.update(previousHash);
        event.digestCanonicalForm(sha256);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Broken brokenAt(long position, byte[] previous, ChainEntry entry, MessageDigest sha256) {
        if (entry == null || entry.position() != position) {
            return new Broken(position, null, null);
        }
        if (previous != null && !Arrays.equals(previous, entry.previousHash())) {
            return new Broken(position, hex(previous), hex(entry.previousHash()));
        }
        if (entry.event() == null) {
            return new Broken(position, hex(entry.hash()), null);
        }
        byte[] found = hash(entry.previousHash(), entry.event(), sha256);
        return Arrays.equals(found, entry.hash()) ? null : new Broken(position, hex(entry.hash()), hex(found));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
