package org.meshgov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The facts about this machine that figures depend on, read when they are measured. */
final class Machine {

    private Machine() {
    }

    static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    static int processors() {
        return Runtime.getRuntime().availableProcessors();
    }

    static long memoryMegabytes() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(0L);
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
    static String loadAverage() {
        String[] fields = read("/proc/loadavg").trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
