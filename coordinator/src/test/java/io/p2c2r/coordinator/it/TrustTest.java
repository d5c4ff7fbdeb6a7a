package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.TaskCorrected;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.trust.TrustPolicy;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result checking against a peer that lies: caught, never paid, never cached, and gamers get the right answer. */
class TrustTest {
    @TempDir
    Path dir;

    /** The production policy, except that peers on 127.0.0.1 may vouch for each other (they share one host). */
    static UnaryOperator<CoordinatorConfig.Builder> checked(TrustPolicy policy) {
        return b -> b.checking(CoordinatorConfig.Checking.defaults().withPolicy(policy).withSpotCheckInterval(Duration.ZERO));
    }

    static TrustPolicy loopbackDefaults() {
        TrustPolicy d = TrustPolicy.defaults();
        return new TrustPolicy(d.threshold(), d.auditFloor(), d.untrustedDailyCap(), d.untrustedMaxRunning(), true,
                d.maxRunsPerTask());
    }

    static String path(int i) {
        return "{\"width\":24,\"height\":24,\"start\":[" + (i % 24) + "," + (i / 24) + "],\"end\":[23,23],"
                + "\"obstacles\":[[5,5],[6,6],[7,7],[12,3],[3,12]]}";
    }

    /** What an honest peer computes for this task, as canonical JSON. */
    static String honest(TaskType type, String data) {
        Map<String, Object> r = ExecutorRegistry.builtIn().find(type).orElseThrow()
                .execute(Codec.params(data), ExecutionContext.sequential());
        return Codec.canonical(Codec.toRaw(r));
    }

    static String canonical(RawJson json) {
        return Codec.canonical(json);
    }

    @Test
    void alwaysLyingPeer_isCaught_neverPaid_neverCached_andEveryWrongAnswerIsCorrected() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, checked(loopbackDefaults()))) {
            net.peer("honest_a", 1);
            net.peer("honest_b", 1);
            ScriptedPeer liar = net.scripted("liar", 2, 1.0, 0, 1);
            P2c2rClient gamer = net.gamer("gamer_checked");
            Map<String, TaskCorrected> corrections = new ConcurrentHashMap<>();
            java.util.concurrent.Semaphore arrived = new java.util.concurrent.Semaphore(0);
            gamer.onCorrection(c -> {
                corrections.put(c.taskId(), c);
                arrived.release();
            });
            int n = 24;
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                replies.add(gamer.submit("ai_pathfinding", path(i), null));
            }
            int wrongDelivered = 0;
            List<String> wrongTaskIds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TaskReply r = replies.get(i).get(60, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
                assertEquals(Verification.PENDING, r.result().verification(), "no peer is trusted yet: every result is checked");
                if (!canonical(r.result().result()).equals(honest(TaskType.AI_PATHFINDING, path(i)))) {
                    wrongDelivered++;
                    wrongTaskIds.add(r.result().taskId());
                    assertEquals("liar", r.result().peerId());
                }
            }
            net.coordinator().checksSettled().get(60, TimeUnit.SECONDS);
            assertTrue(arrived.tryAcquire(wrongDelivered, 30, TimeUnit.SECONDS), "every wrong answer's correction arrives");
            assertTrue(liar.lies() > 0, "the liar got work");
            for (int i = 0; i < n; i++) {
                TaskReply r = replies.get(i).get();
                TaskCorrected c = corrections.get(r.result().taskId());
                if (wrongTaskIds.contains(r.result().taskId())) {
                    assertNotNull(c, "a wrong answer is corrected: " + r.result().taskId());
                    assertEquals(Verification.VERIFIED, c.verification());
                    assertEquals(honest(TaskType.AI_PATHFINDING, path(i)), canonical(c.result()));
                } else {
                    assertEquals(null, c, "a right answer is not corrected");
                }
            }
            assertEquals(wrongDelivered, corrections.size());

            // Every task again: served from the cache, and always the right answer.
            for (int i = 0; i < n; i++) {
                TaskReply again = gamer.submit("ai_pathfinding", path(i), null).get(30, TimeUnit.SECONDS);
                assertTrue(again.result().cached(), "verified results are cached");
                assertEquals(Verification.VERIFIED, again.result().verification());
                assertEquals(honest(TaskType.AI_PATHFINDING, path(i)), canonical(again.result().result()));
            }
            // A corrected task can be fetched again by its id, with the canonical result.
            if (!wrongTaskIds.isEmpty()) {
                TaskReply fetched = gamer.fetch(wrongTaskIds.get(0)).get(30, TimeUnit.SECONDS);
                assertTrue(fetched.ok(), fetched.result().error());
                assertEquals(Verification.VERIFIED, fetched.result().verification());
            }
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(0, net.queryLong("SELECT COALESCE(SUM(peer_earning_nanos), 0) FROM ledger WHERE peer_id = 'liar'"),
                    "the liar is never paid");
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE peer_id = 'liar' AND status <> 'forfeit'"));
            assertEquals(0, net.queryLong("SELECT consecutive_agreed FROM trust WHERE peer_id = 'liar'"));
            assertTrue(net.queryLong("SELECT disagreed FROM trust WHERE peer_id = 'liar'") > 0);
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM runs WHERE peer_id = 'liar' AND verdict = 'agreed'"));
            Books.assertBalanced(net);
        }
    }

    @Test
    void mixedRunWithAuditsDisagreementsAndARestart_keepsTheBooksExact_andCachesOnlyRightAnswers() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, checked(loopbackDefaults()))) {
            List<ScriptedPeer> peers = new ArrayList<>(List.of(net.scripted("mixed_a", 2, 0, 0, 21),
                    net.scripted("mixed_b", 2, 0, 0, 22), net.scripted("mixed_liar", 2, 0.3, 0, 23)));
            int half = 30;
            runAndCheckAnswers(net.gamer("gamer_mixed"), 0, half);
            // Restart with checks still open: they are reloaded from the database and finish on the same peers.
            net.restartCoordinator();
            for (int i = 0; i < peers.size(); i++) {
                peers.set(i, peers.get(i).reconnect(net.port()));
                net.closeLater(peers.get(i)::close);
            }
            P2c2rClient gamer = net.gamer("gamer_mixed");
            runAndCheckAnswers(gamer, half, 2 * half);
            net.coordinator().checksSettled().get(120, TimeUnit.SECONDS);
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            assertTrue(net.queryLong("SELECT COUNT(*) FROM runs WHERE peer_id = 'mixed_liar' AND verdict = 'outvoted'") > 0,
                    "the liar was outvoted");
            assertTrue(net.queryLong("SELECT COUNT(*) FROM runs WHERE kind <> 'primary'") > 0, "checks ran");
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE peer_id = 'mixed_liar' AND status = 'granted' "
                    + "AND run_id IN (SELECT run_id FROM runs WHERE verdict = 'outvoted')"), "an outvoted run is never paid");
            Books.assertBalanced(net);
            // What the cache serves now is the right answer, whoever computed it first.
            for (int i = 0; i < 2 * half; i++) {
                TaskReply again = gamer.submit("ai_pathfinding", path(i), null).get(30, TimeUnit.SECONDS);
                assertTrue(again.ok(), again.result().error());
                if (again.result().cached()) {
                    assertEquals(honest(TaskType.AI_PATHFINDING, path(i)), canonical(again.result().result()), "task " + i);
                }
            }
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            Books.assertBalanced(net);
        }
    }

    /** Submits tasks {@code from} to {@code to} at once and checks each completes (right or, from the liar, wrong). */
    private static void runAndCheckAnswers(P2c2rClient gamer, int from, int to) throws Exception {
        List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
        for (int i = from; i < to; i++) {
            replies.add(gamer.submit("ai_pathfinding", path(i), null));
        }
        for (CompletableFuture<TaskReply> f : replies) {
            TaskReply r = f.get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
        }
    }

    @Test
    void waitMode_answersOnlyWhenTwoPeersAgree_soTheLiarNeverReachesTheGamer() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, checked(loopbackDefaults()))) {
            net.peer("honest_a", 1);
            net.peer("honest_b", 1);
            net.scripted("liar", 2, 1.0, 0, 2);
            P2c2rClient gamer = net.gamer("gamer_waits");
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                replies.add(gamer.submit("ai_pathfinding", path(i), null, true));
            }
            for (int i = 0; i < 12; i++) {
                TaskReply r = replies.get(i).get(60, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
                assertEquals(Verification.VERIFIED, r.result().verification());
                assertEquals(honest(TaskType.AI_PATHFINDING, path(i)), canonical(r.result().result()));
                assertFalse("liar".equals(r.result().peerId()));
            }
            net.coordinator().checksSettled().get(60, TimeUnit.SECONDS);
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 12; i++) {
                TaskReply r = replies.get(i).get();
                long charged = net.queryLong("SELECT SUM(gamer_charge_nanos) FROM ledger WHERE task_id = '" + r.result().taskId() + "'");
                assertEquals(r.result().costNanos(), charged, "the gamer was told what the ledger charged");
                assertEquals(2, net.queryLong("SELECT COUNT(*) FROM ledger WHERE task_id = '" + r.result().taskId()
                        + "' AND status = 'granted' AND peer_earning_nanos > 0"), "it paid for two agreeing runs");
            }
            assertEquals(0, net.queryLong("SELECT COALESCE(SUM(peer_earning_nanos), 0) FROM ledger WHERE peer_id = 'liar'"));
            Books.assertBalanced(net);
        }
    }

    @Test
    void honestPeers_withDifferentThreadCounts_agreeOnAllNineTypes() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, checked(loopbackDefaults()))) {
            net.peer("threads_many", 1);           // the real peer: its compute pool uses every core
            net.scripted("threads_one", 1, 0, 0, 3); // runs each algorithm on one thread
            P2c2rClient gamer = net.gamer("gamer_nine");
            for (TaskType type : TaskType.values()) {
                String data = SMALL.getOrDefault(type, type.seedData());
                TaskReply r = gamer.submit(type.wireName(), data, Duration.ofMinutes(3), true).get(200, TimeUnit.SECONDS);
                assertTrue(r.ok(), type + ": " + r.result().error());
                assertEquals(Verification.VERIFIED, r.result().verification(), type + " was verified by two peers");
            }
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM runs WHERE verdict = 'outvoted'"));
            assertEquals(0, net.queryLong("SELECT COALESCE(SUM(disagreed), 0) FROM trust"));
        }
    }

    /** Smaller inputs than the seeds for the slow types, so that two runs of each stay quick. */
    static final Map<TaskType, String> SMALL = Map.of(
            TaskType.RT_REFLECTIONS, "{\"resolution\":[320,180],\"bounces\":2,\"lights\":2}",
            TaskType.RT_GLOBAL_ILLUMINATION, "{\"resolution\":[96,96],\"bounces\":2,\"samples_per_pixel\":16}",
            TaskType.RT_SHADOWS, "{\"resolution\":[320,180],\"quality\":\"medium\",\"lights\":3}",
            TaskType.PHYSICS_FLUID, "{\"grid_size\":[16,16,16],\"iterations\":10}");
}
