package io.p2c2r.coordinator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.trust.TrustPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's time-dependent rules, tested in memory with a clock the test moves: nothing here waits. */
class HubTest {
    private static final String PATH = "{\"width\":600,\"height\":600,\"start\":[0,0],\"end\":[599,599],\"obstacles\":[[2,2]]}";

    @TempDir
    Path dir;

    private static CoordinatorConfig.Builder config(TrustPolicy policy) {
        return CoordinatorConfig.builder().listen("127.0.0.1", 0)
                .timeouts(Duration.ofHours(1), Duration.ofSeconds(30), 3)
                .checking(CoordinatorConfig.Checking.defaults().withPolicy(policy).withHoldWindow(Duration.ofHours(2))
                        .withSpotCheckInterval(Duration.ZERO));
    }

    @Test
    void trustedResult_isPendingUntilItsHoldWindowPasses_thenGranted() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            Session peer = h.peer("p1", "10.0.0.1", 1);
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            h.answer(peer);
            GamerTaskResult r = h.lastResult(gamer);
            assertEquals(Verification.TRUSTED, r.verification());
            long earned = HubHarness.wire(peer).last(ResultAccepted.class).earnedNanos();
            assertTrue(earned > 0);
            assertEquals(earned, h.query("SELECT pending_nanos FROM peers WHERE peer_id = 'p1'"));

            h.clock.advance(Duration.ofMinutes(119).toMillis());
            h.hub.grantDue();
            h.settle();
            assertEquals(earned, h.query("SELECT pending_nanos FROM peers WHERE peer_id = 'p1'"), "still inside the hold");

            h.clock.advance(Duration.ofMinutes(2).toMillis());
            h.hub.grantDue();
            h.settle();
            assertEquals(0, h.query("SELECT pending_nanos FROM peers WHERE peer_id = 'p1'"));
            assertEquals(earned, h.query("SELECT total_earned_nanos FROM peers WHERE peer_id = 'p1'"));
            assertEquals(1, h.query("SELECT COUNT(*) FROM ledger WHERE status = 'granted'"));
        }
    }

    @Test
    void checkWithNoIndependentPeer_isGivenUpAfterTheHoldWindow_andStandsUnchecked() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.defaults()))) {
            Session peer = h.peer("newcomer", "10.0.0.1", 1);
            h.peer("same_host", "10.0.0.1", 1); // another id behind the same address cannot vouch for it
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            ExecuteTask t = h.answer(peer);
            assertEquals(Verification.PENDING, h.lastResult(gamer).verification());
            assertEquals(1, h.query("SELECT COUNT(*) FROM ledger WHERE status = 'pending' AND hold_until = " + Long.MAX_VALUE));
            h.hub.tick();
            h.settle();
            assertEquals(1, h.query("SELECT COUNT(*) FROM ledger WHERE status = 'pending'"), "the check waits for another host");

            h.clock.advance(Duration.ofHours(2).toMillis() + 1);
            h.hub.tick();
            h.settle();
            assertEquals(1, h.query("SELECT COUNT(*) FROM ledger WHERE status = 'granted'"));
            assertEquals(1, h.query("SELECT COUNT(*) FROM tasks WHERE verification = 'unchecked' AND task_id = '" + t.taskId() + "'"));
            assertEquals(0, h.query("SELECT COUNT(*) FROM results WHERE verification IN ('verified', 'trusted')"),
                    "an unchecked result is never served from the cache");
        }
    }

    @Test
    void missedDeadline_movesTheRunToAnotherPeer_withoutWaiting() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            Session slow = h.peer("slow", "10.0.0.1", 1);
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            assertEquals(1, HubHarness.wire(slow).all(ExecuteTask.class).size());
            Session fast = h.peer("fast", "10.0.0.2", 1);
            h.clock.advance(31_000);
            h.hub.tick();
            h.settle();
            assertEquals(1, HubHarness.wire(fast).all(ExecuteTask.class).size(), "the run went to the other peer");
            h.answer(fast);
            GamerTaskResult r = h.lastResult(gamer);
            assertTrue(r.ok());
            assertEquals("fast", r.peerId());
            assertEquals(2, r.attempts());
        }
    }

    @Test
    void runThatMissesItsDeadlineOnTwoPeers_isNotTiedUpOnAThird() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            Session a = h.peer("slow_a", "10.0.0.1", 1);
            Session b = h.peer("slow_b", "10.0.0.2", 1);
            Session c = h.peer("idle_c", "10.0.0.3", 1);
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            for (int miss = 0; miss < 2; miss++) {
                h.clock.advance(31_000);
                h.hub.tick();
                h.settle();
            }
            int sent = HubHarness.wire(a).all(ExecuteTask.class).size() + HubHarness.wire(b).all(ExecuteTask.class).size()
                    + HubHarness.wire(c).all(ExecuteTask.class).size();
            assertEquals(2, sent, "tried on two peers, not three");
            GamerTaskResult r = h.lastResult(gamer);
            assertFalse(r.ok());
            assertEquals("peer_failed", r.code());
            assertTrue(r.error().contains("too big"), r.error());
        }
    }

    @Test
    void taskCutOffOnTwoIndependentPeers_isBilledForTheirTime_onceEvenWhenResent() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            h.peer("slow_a", "10.0.0.1", 1);
            h.peer("slow_b", "10.0.0.2", 1);
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH, "big");
            missTwice(h);
            GamerTaskResult r = h.lastResult(gamer);
            assertFalse(r.ok());
            assertTrue(r.error().contains("billed"), r.error());
            assertTrue(r.costNanos() > 0, "the gamer pays for the two attempts: " + r.costNanos());
            assertEquals(2, h.query("SELECT COUNT(*) FROM ledger WHERE kind = 'cutoff' AND status = 'pending'"));
            assertEquals(r.costNanos(), h.query("SELECT SUM(gamer_charge_nanos) FROM ledger"));
            assertEquals(r.costNanos(), h.query("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'g1'"));
            assertEquals(0, h.query("SELECT tasks_completed FROM gamers WHERE gamer_id = 'g1'"), "a failure is no completion");
            assertEquals(h.query("SELECT SUM(peer_earning_nanos) FROM ledger"), h.query("SELECT SUM(pending_nanos) FROM peers"));
            assertEquals(h.query("SELECT SUM(gamer_charge_nanos) - SUM(peer_earning_nanos) FROM ledger"),
                    h.query("SELECT SUM(fee_nanos) FROM ledger"));
            long micros = h.query("SELECT MAX(billed_micros) FROM ledger");
            assertTrue(micros > 0 && micros <= 30_000_000L, "never more than the 30 s each attempt was given: " + micros);

            int before = HubHarness.wire(gamer).all(GamerTaskResult.class).size();
            h.submit(gamer, "ai_pathfinding", PATH, "big"); // a client that missed the answer resends
            assertEquals(before + 1, HubHarness.wire(gamer).all(GamerTaskResult.class).size());
            assertEquals(r.costNanos(), h.lastResult(gamer).costNanos(), "the stored failure, with what it cost");
            assertEquals(r.taskId(), h.lastResult(gamer).taskId());
            assertEquals(r.costNanos(), h.query("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'g1'"), "billed once");
            assertEquals(2, h.query("SELECT COUNT(*) FROM ledger"));
        }
    }

    @Test
    void cutOffsThatNoSecondIndependentPeerConfirms_costNothing() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            h.peer("slow_a", "10.0.0.1", 1);
            h.peer("slow_a2", "10.0.0.1", 1); // another id on the same host cannot confirm the first one's slowness
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            missTwice(h);
            GamerTaskResult r = h.lastResult(gamer);
            assertFalse(r.ok());
            assertEquals(0, r.costNanos());
            assertEquals(0, h.query("SELECT COUNT(*) FROM ledger"));
        }
    }

    @Test
    void attemptCutOffBeforeAnotherPeerFinishes_earnsNothing_andTheGamerPaysOnlyTheResult() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            h.peer("slow", "10.0.0.1", 1);
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            Session fast = h.peer("fast", "10.0.0.2", 1);
            h.clock.advance(31_000);
            h.hub.tick();
            h.settle();
            h.answer(fast);
            GamerTaskResult r = h.lastResult(gamer);
            assertTrue(r.ok());
            assertEquals(1, h.query("SELECT COUNT(*) FROM ledger"));
            assertEquals(0, h.query("SELECT COUNT(*) FROM ledger WHERE peer_id = 'slow'"));
            assertEquals(r.costNanos(), h.query("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'g1'"));
        }
    }

    private static void missTwice(HubHarness h) throws Exception {
        for (int miss = 0; miss < Router.MAX_DEADLINE_MISSES; miss++) {
            h.clock.advance(31_000);
            h.hub.tick();
            h.settle();
        }
    }

    @Test
    void untrustedResult_isReplicatedOnAnotherHost_andAgreementGrantsBothHalves() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.defaults()))) {
            Session first = h.peer("first", "10.0.0.1", 1);
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            h.answer(first);
            long charge = h.lastResult(gamer).costNanos();
            Session second = h.peer("second", "10.0.0.2", 1);
            h.hub.tick();
            h.settle();
            ExecuteTask replica = h.answer(second);
            GamerTaskResult r = h.lastResult(gamer);
            assertTrue(!replica.taskId().equals(r.taskId()), "a check run carries its own task id");
            assertEquals(2, h.query("SELECT COUNT(*) FROM ledger WHERE status = 'granted'"));
            assertEquals(charge, h.query("SELECT SUM(gamer_charge_nanos) FROM ledger"), "the gamer paid once");
            assertEquals(1, h.query("SELECT consecutive_agreed FROM trust WHERE peer_id = 'first'"));
            assertEquals(1, h.query("SELECT consecutive_agreed FROM trust WHERE peer_id = 'second'"));
            assertEquals(1, h.query("SELECT COUNT(*) FROM results WHERE verification = 'verified'"));
        }
    }

    @Test
    void cancel_dropsATaskNoPeerRunsYet_unbilled_butNotOneAlreadyRunning() throws Exception {
        try (HubHarness h = new HubHarness(dir, config(TrustPolicy.trustEveryone()))) {
            Session gamer = h.gamer("g1");
            h.submit(gamer, "ai_pathfinding", PATH);
            h.hub.cancel(gamer, new io.p2c2r.common.protocol.CancelTask("r1"));
            h.settle();
            GamerTaskResult r = h.lastResult(gamer);
            assertEquals("cancelled", r.code());
            assertEquals(0, r.costNanos());
            Session peer = h.peer("p1", "10.0.0.1", 1);
            assertEquals(0, HubHarness.wire(peer).all(ExecuteTask.class).size(), "a cancelled task is never sent");

            h.submit(gamer, "ai_pathfinding", PATH);
            assertEquals(1, HubHarness.wire(peer).all(ExecuteTask.class).size());
            h.hub.cancel(gamer, new io.p2c2r.common.protocol.CancelTask("r2"));
            h.settle();
            assertEquals("cannot_cancel", HubHarness.wire(gamer).last(io.p2c2r.common.protocol.ErrorMessage.class).code());
            h.answer(peer);
            assertTrue(h.lastResult(gamer).ok(), "the running task still answers");
            assertEquals(1, h.query("SELECT COUNT(*) FROM ledger"));
        }
    }
}
