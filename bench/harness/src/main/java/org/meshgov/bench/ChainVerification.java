package org.meshgov.bench;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.meshgov.infra.audit.ChainEntry;
import org.meshgov.infra.audit.EventChainRepository;
import org.meshgov.infra.audit.EventChainVerifier;
import org.meshgov.infra.audit.Verification;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 5: the hash chain verified by the engine's own code, against SHA-256 alone over the same
 * bytes. Two figures: the whole log verified from the database as {@code GET /api/audit/verify} and
 * {@code VerifyDatabase} do it (pages of links joined to their events), and a sample held in memory,
 * where the verifier's own work (canonical forms, comparisons) is all that differs from the raw digests.
 */
final class ChainVerification {

    private ChainVerification() {
    }

    static void run(BenchConfig config, BenchDatabase database, Report report) throws Exception {
        JdbcTemplate jdbc = database.jdbc();
        EventChainRepository chain = new EventChainRepository(jdbc);
        long head = chain.head().position();
        report.section("5", "5. Chain verification: EventChainVerifier vs raw SHA-256 over the same bytes");

        long began = System.nanoTime();
        Verification whole = chain.verify(1, head);
        double wholeSeconds = (System.nanoTime() - began) / 1e9;
        requireIntact(whole, head);
        long wholeBytes = hashedBytes(jdbc);

        int sample = (int) Math.min(config.verifySample(), head);
        List<ChainEntry> entries = chain.entries(1, sample).toList();
        List<byte[]> inputs = new ArrayList<>(sample);
        long sampleBytes = 0;
        for (ChainEntry entry : entries) {
            byte[] canonical = entry.event().canonicalForm();
            byte[] input = Arrays.copyOf(entry.previousHash(), entry.previousHash().length + canonical.length);
            System.arraycopy(canonical, 0, input, entry.previousHash().length, canonical.length);
            inputs.add(input);
            sampleBytes += input.length;
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < sample; i++) {
            if (!Arrays.equals(sha256.digest(inputs.get(i)), entries.get(i).hash())) {
                throw new IllegalStateException("the raw digest of position " + (i + 1) + " is not its stored hash");
            }
        }
        // best of three each, so that both are measured compiled
        double verifier = Double.MAX_VALUE;
        double raw = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            requireIntact(EventChainVerifier.verify(1, sample, entries.stream()), sample);
            verifier = Math.min(verifier, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            for (byte[] input : inputs) {
                sha256.update(input);
                sha256.digest();
            }
            raw = Math.min(raw, (System.nanoTime() - start) / 1e9);
        }
        double wholeRate = head / wholeSeconds;
        double verifierRate = sample / verifier;
        double rawRate = sample / raw;
        System.out.printf("[5] whole chain %.0f events/s; in memory %.0f vs raw %.0f events/s%n", wholeRate,
                verifierRate, rawRate);
        report.paragraph("Hashed bytes per event are the previous hash and the event's canonical form (ADR 9), "
                + "on average " + Report.number((double) wholeBytes / head) + " bytes over the whole log. The raw "
                + "digest is one `MessageDigest` over each event's bytes prepared beforehand (checked equal to the "
                + "stored hashes); the in-memory figures are the best of three passes over the first "
                + String.format("%,d", sample) + " links.");
        report.table(List.of("what", "events", "seconds", "events/s", "MB/s", "ratio to raw SHA-256"), List.of(
                List.of("verify the whole chain from the database (`EventChainRepository.verify`)",
                        String.format("%,d", head), Report.number(wholeSeconds), Report.number(wholeRate),
                        Report.number(wholeBytes / wholeSeconds / 1e6), Report.ratio(wholeRate / rawRate)),
                List.of("`EventChainVerifier.verify` over links in memory", String.format("%,d", sample),
                        Report.number(verifier), Report.number(verifierRate),
                        Report.number(sampleBytes / verifier / 1e6), Report.ratio(verifierRate / rawRate)),
                List.of("raw SHA-256 over the same bytes", String.format("%,d", sample), Report.number(raw),
                        Report.number(rawRate), Report.number(sampleBytes / raw / 1e6), "1")));
        report.loadAfter();
    }

    private static void requireIntact(Verification verification, long expected) {
        if (verification.firstBroken() != null || verification.verified() != expected) {
            throw new IllegalStateException("the chain does not verify: " + verification);
        }
    }

    /** What the chain hashes over the whole log: per event, the previous hash and the canonical form's bytes. */
    private static long hashedBytes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT sum(32 + 9 * 4 + octet_length(coalesce(type, '')) + octet_length(aggregateidentifier)
                           + octet_length(sequencenumber::text) + octet_length(eventidentifier)
                           + octet_length("timestamp") + octet_length(payloadtype)
                           + octet_length(coalesce(payloadrevision, '')) + coalesce(octet_length(metadata), 0)
                           + octet_length(payload))
                FROM domainevententry""", Long.class);
    }
}
