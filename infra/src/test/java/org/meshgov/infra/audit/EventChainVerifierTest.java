package org.meshgov.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshgov.infra.audit.Verification.Broken;

/** The chain recomputed from hand-made links, without a database. */
class EventChainVerifierTest {

    static StoredEvent event(long sequence, String payload) {
        return new StoredEvent("Contract", "contract:orders-placed", sequence, "event-" + sequence,
                "2026-03-01T10:00:0" + sequence + "Z", "org.meshgov.contract.ContractVersionProposedEvent", null,
                bytes("{\"actor\":\"mike\"}"), bytes(payload));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Links as the database appends them, from position 1. */
    static List<ChainEntry> chain(StoredEvent... events) {
        List<ChainEntry> links = new ArrayList<>();
        byte[] previous = EventChainVerifier.GENESIS;
        for (StoredEvent event : events) {
            byte[] hash = EventChainVerifier.hash(previous, event);
            links.add(new ChainEntry(links.size() + 1, 100 + links.size(), previous, hash, event));
            previous = hash;
        }
        return links;
    }

    static List<ChainEntry> threeLinks() {
        return chain(event(0, "{\"v\":0}"), event(1, "{\"v\":1}"), event(2, "{\"v\":2}"));
    }

    static ChainEntry withEvent(ChainEntry link, StoredEvent event) {
        return new ChainEntry(link.position(), link.globalIndex(), link.previousHash(), link.hash(), event);
    }

    static Verification verify(List<ChainEntry> links) {
        return EventChainVerifier.verify(1, 3, links.stream());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void anIntactChainVerifiesEveryLink() {
        assertThat(verify(threeLinks())).isEqualTo(new Verification(3, null));
    }

    static Stream<Named<UnaryOperator<StoredEvent>>> alterations() {
        return Stream.of(
                Named.of("type", e -> new StoredEvent("Other", e.aggregateIdentifier(), e.sequenceNumber(),
                        e.eventIdentifier(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.metaData(),
                        e.payload())),
                Named.of("aggregate", e -> new StoredEvent(e.type(), "contract:other", e.sequenceNumber(),
                        e.eventIdentifier(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.metaData(),
                        e.payload())),
                Named.of("sequence", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), 7, e.eventIdentifier(),
                        e.timestamp(), e.payloadType(), e.payloadRevision(), e.metaData(), e.payload())),
                Named.of("event id", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), e.sequenceNumber(),
                        "event-x", e.timestamp(), e.payloadType(), e.payloadRevision(), e.metaData(), e.payload())),
                Named.of("timestamp", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), e.sequenceNumber(),
                        e.eventIdentifier(), "2020-01-01T00:00:00Z", e.payloadType(), e.payloadRevision(),
                        e.metaData(), e.payload())),
                Named.of("payload type", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), e.sequenceNumber(),
                        e.eventIdentifier(), e.timestamp(), "org.example.Other", e.payloadRevision(), e.metaData(),
                        e.payload())),
                Named.of("revision", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), e.sequenceNumber(),
                        e.eventIdentifier(), e.timestamp(), e.payloadType(), "2", e.metaData(), e.payload())),
                Named.of("metadata", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), e.sequenceNumber(),
                        e.eventIdentifier(), e.timestamp(), e.payloadType(), e.payloadRevision(),
                        bytes("{\"actor\":\"eve\"}"), e.payload())),
                Named.of("payload", e -> new StoredEvent(e.type(), e.aggregateIdentifier(), e.sequenceNumber(),
                        e.eventIdentifier(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.metaData(),
                        bytes("{\"v\":9}"))));
    }

    @ParameterizedTest(name = "an altered {0} breaks the chain at its event")
    @MethodSource("alterations")
    void anAlteredFieldBreaksTheChainAtItsEvent(UnaryOperator<StoredEvent> alteration) {
        List<ChainEntry> links = threeLinks();
        ChainEntry second = links.get(1);
        StoredEvent altered = alteration.apply(second.event());
        links.set(1, withEvent(second, altered));

        assertThat(verify(links)).isEqualTo(new Verification(1, new Broken(2, hex(second.hash()),
                hex(EventChainVerifier.hash(second.previousHash(), altered)))));
    }

    @Test
    void aRemovedEventIsReportedAtItsPosition() {
        List<ChainEntry> links = threeLinks();
        links.set(1, withEvent(links.get(1), null));

        assertThat(verify(links)).isEqualTo(new Verification(1, new Broken(2, hex(links.get(1).hash()), null)));
    }

    @Test
    void aMissingLinkIsReportedAtItsPosition() {
        List<ChainEntry> links = threeLinks();
        links.remove(1);

        assertThat(verify(links)).isEqualTo(new Verification(1, new Broken(2, null, null)));
    }

    @Test
    void swappedEventsBreakTheChainAtTheFirstOfThem() {
        List<ChainEntry> links = threeLinks();
        StoredEvent second = links.get(1).event();
        links.set(1, withEvent(links.get(1), links.get(2).event()));
        links.set(2, withEvent(links.get(2), second));

        assertThat(verify(links).firstBroken().position()).isEqualTo(2);
    }

    @Test
    void aLinkThatDoesNotFollowItsPredecessorIsReported() {
        List<ChainEntry> links = threeLinks();
        ChainEntry third = links.get(2);
        byte[] elsewhere = new byte[32];
        links.set(2, new ChainEntry(3, third.globalIndex(), elsewhere, third.hash(), third.event()));

        assertThat(verify(links)).isEqualTo(new Verification(2, new Broken(3, hex(links.get(1).hash()),
                hex(elsewhere))));
    }

    @Test
    void aChainCutShortIsReportedWhereItEnds() {
        assertThat(EventChainVerifier.verify(1, 4, threeLinks().stream()))
                .isEqualTo(new Verification(3, new Broken(4, null, null)));
    }

    @Test
    void aRangeStartsFromThePreviousHashItsFirstLinkRecords() {
        assertThat(EventChainVerifier.verify(2, 3, threeLinks().subList(1, 3).stream()))
                .isEqualTo(new Verification(2, null));
    }

    /** The layout ADR 9 publishes for anyone who verifies an export with tools of their own. */
    @Test
    void theCanonicalFormIsEachFieldAfterItsFourByteLength() {
        StoredEvent event = new StoredEvent(null, "a", 7, "é", "t", "p", null, null, new byte[] {1, 2});

        assertThat(hex(event.canonicalForm())).isEqualTo(String.join("",
                "00000000",
                "00000001", "61",
                "00000001", "37",
                "00000002", "c3a9",
                "00000001", "74",
                "00000001", "70",
                "00000000",
                "00000000",
                "00000002", "0102"));
    }
}
