package org.meshgov.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What to measure and how much, from the system properties the bench profile passes (harness/pom.xml). */
record BenchConfig(Set<Integer> sections, Duration measure, Duration warmup, List<Integer> concurrency, int proposals,
                   List<Integer> proposalClients, int contracts, int samples, int verifySample, int bootRounds,
                   Path work, Path output, Path examples, Path harnessClasses, Path baselineClasses,
                   Path baselineClasspath, Path floorClasses, Path floorClasspath) {

    static BenchConfig fromSystemProperties() {
        return new BenchConfig(
                Set.copyOf(integers("bench.sections")),
                Duration.ofSeconds(Long.parseLong(required("bench.seconds"))),
                Duration.ofSeconds(Long.parseLong(required("bench.warmup"))),
                integers("bench.concurrency"),
                Integer.parseInt(required("bench.proposals")),
                integers("bench.proposal-clients"),
                Integer.parseInt(required("bench.contracts")),
                Integer.parseInt(required("bench.samples")),
                Integer.parseInt(required("bench.verify-sample")),
                Integer.parseInt(required("bench.boot-rounds")),
                path("bench.work"), path("bench.output"), path("bench.examples"), path("bench.harness-classes"),
                path("bench.baseline-classes"), path("bench.baseline-classpath"),
                path("bench.floor-classes"), path("bench.floor-classpath"));
    }

    boolean runs(int section) {
        return sections.contains(section);
    }

    /** Replay, history and chain verification all need the large log. */
    boolean needsLargeLog() {
        return runs(3) || runs(4) || runs(5);
    }

    String describe() {
        return "sections " + sections.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
                + ", " + measure.toSeconds() + " s per command-path point after " + warmup.toSeconds()
                + " s of warm-up, concurrency " + concurrency
                + ", " + proposals + " proposals per point with " + proposalClients + " clients, " + contracts
                + " synthetic contracts, " + samples + " requests per history endpoint, " + verifySample
                + " events hashed in memory, " + bootRounds + " boot rounds";
    }

    private static List<Integer> integers(String name) {
        return Arrays.stream(required(name).split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static Path path(String name) {
        return Path.of(required(name)).toAbsolutePath().normalize();
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing -D" + name + " (run through ./mvnw -Pbench, see README.md)");
        }
        return value;
    }
}
