package org.meshgov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks of issue 9 and writes BENCHMARKS.md. Every figure is measured beside its
 * baseline in the same run, on the same PostgreSQL with the same durability, so that the ratio holds
 * even when the machine is shared; the load average is written next to each section for that reason.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Files.createDirectories(config.work());
        Report report = new Report();
        System.out.println("[bench] " + config.describe());

        Path marker = config.work().resolve("large-log.txt");
        if (config.sections().equals(Set.of(3)) && Files.isDirectory(config.work().resolve("db"))
                && Files.exists(marker) && Files.readString(marker).trim().equals(largeLogOf(config))) {
            // benchmark 3 alone, on the large log a previous run of the same size left: no need to append it again
            System.out.println("[bench] reusing the large log of the previous run (" + largeLogOf(config) + ")");
            try (BenchDatabase database = BenchDatabase.reopen(config.work().resolve("db"));
                 Engine engine = Engine.startOn(config, database, "engine-large-log")) {
                Replay.run(database, engine, report, true);
                report.write(config.output());
            }
        } else if (config.runs(1) || config.runs(2) || config.needsLargeLog()) {
            Files.deleteIfExists(marker);
            try (BenchDatabase database = BenchDatabase.start(config.work().resolve("db"))) {
                report.section("setup", null);
                report.paragraph("Java " + System.getProperty("java.version") + ". Benchmarks 1–5 and their "
                        + "baselines run on one PostgreSQL: " + database.describe() + ". The engine runs in its own "
                        + "JVM against it as its external database (`MESHGOV_DB_URL`), with its default pool of 20 "
                        + "connections, in demo mode.");
                report.write(config.output());
                List<TemplateContract.StoredRow> template = null;
                StackFloor.Figures floor = StackFloor.measure(config, database);
                try (Engine engine = Engine.startOn(config, database, "engine-small-log")) {
                    if (config.runs(1)) {
                        CommandPath.run(config, database, engine, floor, report);
                        report.write(config.output());
                    }
                    if (config.runs(2)) {
                        ProposalPath.run(config, database, engine, floor, report);
                        report.write(config.output());
                    }
                    if (config.needsLargeLog()) {
                        template = TemplateContract.live(config, database, engine);
                    }
                }
                if (config.needsLargeLog()) {
                    largeLog(config, database, template, report);
                }
            }
        }
        if (config.runs(6)) {
            BootTime.run(config, report);
            report.write(config.output());
        }
        System.out.println("[bench] figures written to " + config.output());
    }

    /**
     * What identifies the large log a run leaves behind. A later run of benchmark 3 alone reuses it;
     * its catalog then holds the rows of the previous rebuild, which the rebuild replaces.
     */
    private static String largeLogOf(BenchConfig config) {
        return "contracts=" + config.contracts();
    }

    private static void largeLog(BenchConfig config, BenchDatabase database, List<TemplateContract.StoredRow> template,
                                 Report report) throws Exception {
        SyntheticHistory history = new SyntheticHistory(template, config.contracts());
        SyntheticHistory.Appended appended = history.append(database, config.contracts());
        SyntheticHistory.processorsCaughtUp(database.jdbc());
        Files.writeString(config.work().resolve("large-log.txt"), largeLogOf(config));
        report.section("log", "The large log");
        report.paragraph(String.format("%,d", appended.events()) + " events of " + String.format("%,d",
                appended.contracts()) + " synthetic contracts (" + template.size() + " events each, copied from one "
                + "contract lived through the engine) appended with the engine stopped, in transactions of "
                + SyntheticHistory.CONTRACTS_PER_TRANSACTION * template.size() + " events, through the hash-chain "
                + "trigger: " + Report.number(appended.seconds()) + " s, " + Report.number(appended.perSecond())
                + " events/s. Every event processor's token was then moved to the head, as if the engine had "
                + "handled the copies when they happened.");
        report.write(config.output());
        try (Engine engine = Engine.startOn(config, database, "engine-large-log")) {
            // the catalog holds the synthetic contracts only once it is rebuilt, which is benchmark 3
            Replay.run(database, engine, report, config.runs(3));
            report.write(config.output());
            if (config.runs(4)) {
                HistoryAtScale.run(config, database, engine, history, template.size(), report);
                report.write(config.output());
            }
        }
        if (config.runs(5)) {
            ChainVerification.run(config, database, report);
            report.write(config.output());
        }
    }
}
