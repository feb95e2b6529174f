package org.meshgov.infra.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LongSummaryStatistics;
import java.util.stream.Stream;

/**
 * Verifies a JSON-lines export offline: {@code java -Dloader.main=org.meshgov.infra.audit.VerifyExport
 * -cp meshgov.jar org.springframework.boot.loader.launch.PropertiesLauncher export.jsonl}. Exits 0
 * when every link holds, 1 with the first broken position otherwise.
 */
public final class VerifyExport {

    private VerifyExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: VerifyExport <export.jsonl>");
            System.exit(2);
        }
        Verification result = verify(Path.of(args[0]));
        if (result.firstBroken() == null) {
            System.out.println("verified " + result.verified() + " events: the chain holds");
            return;
        }
        System.out.println("verified " + result.verified() + " events; broken at position "
                + result.firstBroken().position() + ": expected " + result.firstBroken().expected() + ", found "
                + result.firstBroken().found());
        System.exit(1);
    }

    public static Verification verify(Path export) throws IOException {
        LongSummaryStatistics positions;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             Stream<ChainEntry> entries = ChainExport.readJsonLines(in)) {
            positions = entries.mapToLong(ChainEntry::position).summaryStatistics();
        }
        if (positions.getCount() == 0) {
            return new Verification(0, null);
        }
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             Stream<ChainEntry> entries = ChainExport.readJsonLines(in)) {
            return EventChainVerifier.verify(positions.getMin(), positions.getMax(), entries);
        }
    }
}
