package org.meshgov.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The figures as Markdown. They replace what stands between the two markers in BENCHMARKS.md, so
 * that the notes written around them by hand survive a new run.
 */
final class Report {

    static final String START = "<!-- bench:results:start (written by the bench profile; edit around, not inside) -->";
    static final String END = "<!-- bench:results:end -->";

    private final StringBuilder markdown = new StringBuilder();

    void heading(String title) {
        markdown.append("\n### ").append(title).append("\n\n");
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
    void load(String when) {
        line("_Load average " + when + ": " + Machine.loadAverage() + "._");
        line("");
    }

    String text() {
        return markdown.toString();
    }

    void write(Path output) throws IOException {
        String results = START + "\n" + markdown + END;
        String existing = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + results + existing.substring(end + END.length())
                : existing + (existing.isEmpty() ? "# Benchmarks\n\n" : "\n") + results + "\n";
        Files.writeString(output, updated, StandardCharsets.UTF_8);
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
