package org.meshgov.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures as Markdown, one block per section between markers of its own in BENCHMARKS.md.
 * A run replaces the blocks of the sections it measured and keeps the others, so that one benchmark
 * can be measured again without the hour the large log takes; every block says when and where it
 * was measured. The notes written around the blocks by hand survive a run.
 */
final class Report {

    static final String START = "<!-- bench:results:start (written by the bench profile; edit around, not inside) -->";
    static final String END = "<!-- bench:results:end -->";

    private final Map<String, StringBuilder> sections = new LinkedHashMap<>();
    private StringBuilder markdown;

    /** Starts the block of section {@code id}: its title, then when, where and under what load it ran. */
    void section(String id, String title) {
        markdown = new StringBuilder();
        sections.put(id, markdown);
        if (title != null) {
            markdown.append("\n### ").append(title).append("\n\n");
        }
        line("_Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + Machine.processors()
                + " processors (`nproc`), " + String.format("%,d", Machine.memoryMegabytes()) + " MB, "
                + Machine.cpuModel() + "; load average before: " + Machine.loadAverage() + "._");
        line("");
    }

    void line(String text) {
        markdown.append(text).append("\n");
    }

    void paragraph(String text) {
        markdown.append(text).append("\n\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        markdown.append("| ").append(String.join(" | ", header)).append(" |\n");
        markdown.append("|").append(" --- |".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            markdown.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        markdown.append("\n");
    }

    /** Where a section's load average is recorded beside its figures: other work shares the two cores. */
    void loadAfter() {
        line("_Load average after: " + Machine.loadAverage() + "._");
        line("");
    }

    void write(Path output) throws IOException {
        String existing = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "# Benchmarks\n";
        if (!existing.contains(START) || !existing.contains(END)) {
            existing = existing + "\n" + START + "\n" + END + "\n";
        }
        for (Map.Entry<String, StringBuilder> section : sections.entrySet()) {
            String start = "<!-- bench:" + section.getKey() + " -->";
            String end = "<!-- /bench:" + section.getKey() + " -->";
            String block = start + "\n" + section.getValue() + end;
            int from = existing.indexOf(start);
            int to = existing.indexOf(end);
            existing = from >= 0 && to > from
                    ? existing.substring(0, from) + block + existing.substring(to + end.length())
                    : existing.replace(END, block + "\n" + END);
        }
        Files.writeString(output, existing, StandardCharsets.UTF_8);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    static String millis(double value) {
        return number(value) + " ms";
    }

    /** A ratio as a fraction of its baseline, with the target it is held to. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f (1/%s)", value, value > 0 ? number(1 / value) : "∞");
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
