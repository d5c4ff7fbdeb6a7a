package io.p2c2r.coordinator.it;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.coordinator.trust.TrustPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures result checking against a peer that earns trust and then lies on a fraction of its results, and the
 * cost of checking when every peer is honest. Not part of the test suite (its name does not end in Test); run it
 * with {@code scripts/bench-trust.sh}. It prints counts, not times, so the machine's load does not change them.
 */
class TrustBench {
    static final int TASKS = Integer.getInteger("trust.tasks", 3000);

    @Test
    void liarAtTenPercent() throws Exception {
        run("liar lies on 10% after 40 honest results", 0.10, 40);
    }

    @Test
    void liarAtOnePercent() throws Exception {
        run("liar lies on 1% after 40 honest results", 0.01, 40);
    }

    @Test
    void honestPeersOnly() throws Exception {
        run("three honest peers", 0, 0);
    }

    private static void run(String title, double lieRate, int honestFirst) throws Exception {
        Path dir = Files.createTempDirectory("p2c2r-trust-bench");
        try (TestNetwork net = new TestNetwork(dir, TrustTest.checked(TrustTest.loopbackDefaults()))) {
            net.scripted("honest_a", 2, 0, 0, 11);
            net.scripted("honest_b", 2, 0, 0, 12);
            ScriptedPeer suspect = net.scripted("suspect", 2, lieRate, honestFirst, 13);
            P2c2rClient gamer = net.gamer("gamer_bench");
            Set<String> corrected = ConcurrentHashMap.newKeySet();
            gamer.onCorrection(c -> corrected.add(c.taskId()));
            Semaphore window = new Semaphore(16);
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                window.acquire();
                CompletableFuture<TaskReply> f = gamer.submit("ai_pathfinding", data(i), null);
                f.whenComplete((r, e) -> window.release());
                replies.add(f);
            }
            int wrong = 0;
            List<String> wrongIds = new ArrayList<>();
            int[] byVerification = new int[4];
            for (int i = 0; i < TASKS; i++) {
                TaskReply r = replies.get(i).get(120, TimeUnit.SECONDS);
                if (!r.ok()) {
                    throw new AssertionError("task " + i + " failed: " + r.result().error());
                }
                String v = r.result().verification();
                byVerification[Verification.VERIFIED.equals(v) ? 0 : Verification.TRUSTED.equals(v) ? 1
                        : Verification.PENDING.equals(v) ? 2 : 3]++;
                if (!TrustTest.canonical(r.result().result()).equals(TrustTest.honest(TaskType.AI_PATHFINDING, data(i)))) {
                    wrong++;
                    wrongIds.add(r.result().taskId());
                }
            }
            net.coordinator().checksSettled().get(300, TimeUnit.SECONDS);
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            long uncorrected = wrongIds.stream().filter(id -> !corrected.contains(id)).count();
            long runs = net.queryLong("SELECT COUNT(*) FROM runs");
            double checkMs = net.queryDouble("SELECT COALESCE(SUM(processing_ms), 0) FROM runs WHERE kind <> 'primary'");
            double firstMs = net.queryDouble("SELECT COALESCE(SUM(processing_ms), 0) FROM runs WHERE kind = 'primary'");
            // Answers the suspect gave from its first lie to its first outvote (runs are stored in completion order).
            long firstCaught = net.queryLong("SELECT COUNT(*) FROM runs WHERE peer_id = 'suspect' AND rowid <= "
                    + "(SELECT COALESCE(MIN(rowid), -1) FROM runs WHERE peer_id = 'suspect' AND verdict = 'outvoted')");
            long outvoted = net.queryLong("SELECT COUNT(*) FROM runs WHERE peer_id = 'suspect' AND verdict = 'outvoted'");
            long audits = net.queryLong("SELECT COUNT(*) FROM ledger WHERE fee_nanos < 0 AND status = 'granted'");
            long auditCost = net.queryLong("SELECT COALESCE(-SUM(fee_nanos), 0) FROM ledger WHERE fee_nanos < 0 AND status = 'granted'");
            long grossFee = net.queryLong("SELECT COALESCE(SUM(fee_nanos), 0) FROM ledger WHERE fee_nanos > 0");
            // Steady state: the last third of the tasks, once every honest peer is trusted.
            long lateFirst = net.queryLong("SELECT COUNT(*) FROM runs WHERE kind = 'primary' AND rowid > (SELECT MAX(rowid) * 2 / 3 FROM runs)");
            long lateChecks = net.queryLong("SELECT COUNT(*) FROM runs WHERE kind <> 'primary' AND rowid > (SELECT MAX(rowid) * 2 / 3 FROM runs)");
            Books.assertBalanced(net);
            System.out.printf("%n== %s, %d tasks%n", title, TASKS);
            System.out.printf("   answers: %d verified, %d trusted, %d pending, %d other%n", byVerification[0], byVerification[1],
                    byVerification[2], byVerification[3]);
            System.out.printf("   suspect answered %d, lied %d; wrong answers delivered %d, corrected %d, uncorrected %d (%.2f%% of all answers)%n",
                    suspect.answered(), suspect.lies(), wrong, wrong - uncorrected, uncorrected, 100.0 * uncorrected / TASKS);
            System.out.printf("   suspect outvoted %d times; first lie was answer %d, first caught at answer %s%n", outvoted,
                    suspect.firstLieAt(), firstCaught > 0 ? firstCaught + " (" + (firstCaught - suspect.firstLieAt() + 1)
                            + " answers from its first lie)" : "never");
            System.out.printf("   runs %d for %d tasks; check time / first-run time = %.1f%%; last third: %d checks / %d first runs = %.1f%%%n",
                    runs, TASKS, 100 * checkMs / Math.max(1e-9, firstMs), lateChecks, lateFirst, 100.0 * lateChecks / Math.max(1, lateFirst));
            System.out.printf("   audits paid from the fee %d, cost %d nanos = %.1f%% of gross fee revenue %d nanos%n", audits, auditCost,
                    100.0 * auditCost / Math.max(1, grossFee), grossFee);
        }
    }

    static String data(int i) {
        return "{\"width\":16,\"height\":16,\"start\":[" + (i % 16) + "," + ((i / 16) % 16) + "],\"end\":[15,15],"
                + "\"obstacles\":[[" + (3 + i / 256 % 10) + ",4],[8,8]]}";
    }
}
