package io.p2c2r.coordinator;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.coordinator.store.Report;
import io.p2c2r.coordinator.store.ReportQueries;
import io.p2c2r.coordinator.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coordinator.jar report}: the books and the work from a database, read-only, safe while a coordinator runs. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints earnings per peer (pending and granted), spending per gamer, tasks and cache hits per type, "
                + "median and p99 processing time per type, and fee revenue. Opens the database read-only and needs no "
                + "lock, so it can run while the coordinator does.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", description = "The coordinator's SQLite database. Default: ${DEFAULT-VALUE}.")
    Path db = Path.of("p2c2r_cloud.db");

    @Option(names = "--json", description = "Print one JSON object (snake_case fields, amounts in nano-dollars).")
    boolean json;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only work from then on: a duration back from now "
            + "(30m, 24h, 7d), a date (2026-12-01, UTC midnight) or an instant (2026-12-01T08:00:00Z). Default: everything.")
    String since;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long now = System.currentTimeMillis();
        Report report;
        try {
            report = ReportQueries.read(db, since == null ? 0 : parseSince(since, now), now);
        } catch (IllegalArgumentException | StoreException e) {
            spec.commandLine().getErr().println("coordinator report: " + e.getMessage());
            return e instanceof StoreException ? 1 : 2;
        }
        out.println(json ? Codec.write(report) : text(report));
        out.flush();
        return 0;
    }

    /** Epoch milliseconds of {@code --since}. */
    static long parseSince(String s, long nowMillis) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([mhd])").matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return nowMillis - d.toMillis();
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since '" + s + "' is neither a duration (30m, 24h, 7d), a date "
                    + "(2026-12-01) nor an instant (2026-12-01T08:00:00Z)");
        }
    }

    static String text(Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(" P2C2R report%s, taken %s%n%n", r.sinceMillis() == 0 ? "" : " since "
                + Instant.ofEpochMilli(r.sinceMillis()), Instant.ofEpochMilli(r.takenAtMillis())));
        b.append(String.format(" Peers%n   %-24s %8s %16s %16s %8s%n", "peer", "runs", "pending", "granted", "forfeit"));
        for (Report.PeerEarnings p : r.peers()) {
            b.append(String.format("   %-24s %8d %16s %16s %8d%n", p.peerId(), p.runs(), usd(p.pendingNanos()),
                    usd(p.grantedNanos()), p.forfeitRuns()));
        }
        b.append(String.format("%n Gamers%n   %-24s %8s %16s%n", "gamer", "tasks", "spent"));
        for (Report.GamerSpending g : r.gamers()) {
            b.append(String.format("   %-24s %8d %16s%n", g.gamerId(), g.tasks(), usd(g.spentNanos())));
        }
        b.append(String.format("%n Tasks%n   %-24s %7s %9s %7s %7s %7s %12s %12s%n", "type", "tasks", "completed", "cached",
                "failed", "runs", "median ms", "p99 ms"));
        for (Report.TypeWork t : r.types()) {
            b.append(String.format("   %-24s %7d %9d %7d %7d %7d %12.1f %12.1f%n", t.type(), t.tasks(), t.completed(),
                    t.cached(), t.failed(), t.runs(), t.medianProcessingMs(), t.p99ProcessingMs()));
        }
        Report.Fees f = r.fees();
        b.append(String.format("%n Books: gamers charged %s, peers earned %s, fee revenue %s (after %s of audits)",
                usd(f.chargedNanos()), usd(f.peerEarningsNanos()), usd(f.feeRevenueNanos()), usd(f.auditCostNanos())));
        return b.toString();
    }

    private static String usd(long nanos) {
        return Money.ofNanos(nanos).format(9);
    }
}
