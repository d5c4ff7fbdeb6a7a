package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.coordinator.CoordinatorMain;
import io.p2c2r.coordinator.core.Stats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code coordinator.jar report} against a real run with checks: it agrees with the ledger to the nano-dollar. */
class ReportTest {
    @TempDir
    Path dir;

    @Test
    void report_whileTheCoordinatorRuns_agreesWithTheLedgerAndTheBooks() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, TrustTest.checked(TrustTest.loopbackDefaults()))) {
            net.peer("peer_a", 2);
            net.peer("peer_b", 2);
            P2c2rClient gamer = net.gamer("gamer_a");
            long told = 0;
            for (int i = 0; i < 5; i++) {
                GamerTaskResult r = gamer.submit(TaskType.AI_PATHFINDING.wireName(), TrustTest.path(i), null)
                        .get(60, TimeUnit.SECONDS).result();
                assertTrue(r.ok(), r.error());
                told += r.costNanos();
            }
            net.coordinator().checksSettled().get(60, TimeUnit.SECONDS);
            GamerTaskResult hit = gamer.submit(TaskType.AI_PATHFINDING.wireName(), TrustTest.path(0), null)
                    .get(60, TimeUnit.SECONDS).result();
            assertTrue(hit.cached());
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            Stats books = net.coordinator().stats().get(30, TimeUnit.SECONDS);

            Run run = report("report", "--db", net.database().toString(), "--json");
            assertEquals(0, run.code, run.err);
            Map<?, ?> r = (Map<?, ?>) Codec.tree(Codec.raw(run.out.trim()));
            long pendingAll = 0;
            long grantedAll = 0;
            for (Object o : (List<?>) r.get("peers")) {
                Map<?, ?> p = (Map<?, ?>) o;
                String id = (String) p.get("peer_id");
                long pending = nanos(p.get("pending_nanos"));
                long granted = nanos(p.get("granted_nanos"));
                assertEquals(net.queryLong("SELECT pending_nanos FROM peers WHERE peer_id = '" + id + "'"), pending, id);
                assertEquals(net.queryLong("SELECT total_earned_nanos FROM peers WHERE peer_id = '" + id + "'"), granted, id);
                pendingAll += pending;
                grantedAll += granted;
            }
            assertTrue(grantedAll > 0, "checked runs are granted once their check agrees");
            Map<?, ?> fees = (Map<?, ?>) r.get("fees");
            assertEquals(pendingAll + grantedAll, nanos(fees.get("peer_earnings_nanos")));
            assertEquals(books.revenueNanos(), nanos(fees.get("fee_revenue_nanos")), "fee revenue, as the coordinator's books say");
            assertEquals(books.auditCostNanos(), nanos(fees.get("audit_cost_nanos")));
            assertEquals(nanos(fees.get("charged_nanos")), nanos(fees.get("peer_earnings_nanos")) + nanos(fees.get("fee_revenue_nanos")));
            Map<?, ?> g = (Map<?, ?>) ((List<?>) r.get("gamers")).get(0);
            assertEquals("gamer_a", g.get("gamer_id"));
            assertEquals(told, nanos(g.get("spent_nanos")), "what the gamer was told it paid");
            assertEquals(net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_a'"), nanos(g.get("spent_nanos")));

            Map<?, ?> type = (Map<?, ?>) ((List<?>) r.get("types")).get(0);
            assertEquals("ai_pathfinding", type.get("type"));
            assertEquals(6, nanos(type.get("tasks")));
            assertEquals(5, nanos(type.get("completed")));
            assertEquals(1, nanos(type.get("cached")));
            List<Double> ms = processingTimes(net.database());
            assertEquals(ms.size(), nanos(type.get("runs")));
            assertTrue(ms.size() >= 10, "every result of an untrusted peer ran twice: " + ms.size());
            Collections.sort(ms);
            assertEquals(ms.get((ms.size() + 1) / 2 - 1), ((BigDecimal) type.get("median_processing_ms")).doubleValue(), 1e-9);
            assertEquals(ms.get(ms.size() - 1), ((BigDecimal) type.get("p99_processing_ms")).doubleValue(), 1e-9,
                    "p99 of fewer than 100 runs is the slowest");

            // The coordinator still works after the read, and the text form names everyone.
            assertTrue(gamer.submit(TaskType.AI_PATHFINDING.wireName(), TrustTest.path(9), null).get(60, TimeUnit.SECONDS).result().ok());
            Run text = report("report", "--db", net.database().toString());
            assertEquals(0, text.code, text.err);
            assertTrue(text.out.contains("peer_a") && text.out.contains("peer_b") && text.out.contains("gamer_a"), text.out);

            Run future = report("report", "--db", net.database().toString(), "--json", "--since", "2999-01-01");
            assertEquals(0, future.code, future.err);
            assertTrue(((List<?>) ((Map<?, ?>) Codec.tree(Codec.raw(future.out.trim()))).get("peers")).isEmpty());
        }
    }

    @Test
    void report_refusesAMissingDatabaseAndABadSince() {
        Run missing = report("report", "--db", dir.resolve("none.db").toString());
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("none.db") && missing.err.contains("does not exist"), missing.err);
        Run bad = report("report", "--db", dir.resolve("none.db").toString(), "--since", "yesterday");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--since 'yesterday'"), bad.err);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CoordinatorMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static long nanos(Object json) {
        return ((BigDecimal) json).longValueExact();
    }

    private static List<Double> processingTimes(Path db) throws Exception {
        List<Double> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT processing_ms FROM runs")) {
            while (rs.next()) {
                out.add(rs.getDouble(1));
            }
        }
        return out;
    }
}
