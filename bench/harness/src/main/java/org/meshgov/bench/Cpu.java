package org.meshgov.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process (user and system) from {@code /proc}. On a shared machine rates rise and
 * fall with the neighbours' load; the CPU an operation costs moves much less, and says which side
 * pays for it.
 */
final class Cpu {

    /** Linux reports these times in clock ticks of 1/100 s (USER_HZ). */
    private static final long MILLIS_PER_TICK = 10;

    private Cpu() {
    }

    static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces: fields are counted after its closing one
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            // the process ended since it was listed; its time is no longer counted anywhere
            return 0;
        }
    }

    /** The PostgreSQL server whose data is in {@code dataDirectory}, with its backends and helpers. */
    static long postgresMillis(Path dataDirectory) {
        return postgres(dataDirectory).mapToLong(process -> millis(process.pid())).sum();
    }

    /**
     * pg_ctl starts the server and exits, so the server is nobody's descendant: it is found through
     * the pid its data directory records.
     */
    static Stream<ProcessHandle> postgres(Path dataDirectory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).stream()
                    .flatMap(server -> Stream.concat(Stream.of(server), server.children()));
        } catch (IOException e) {
            // not running
            return Stream.empty();
        }
    }
}
