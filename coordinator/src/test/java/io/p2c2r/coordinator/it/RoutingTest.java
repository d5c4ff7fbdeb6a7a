package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing: work spreads, waits for peers, survives peers that drop or go silent. */
class RoutingTest {
    @TempDir
    Path dir;

    @Test
    void twoPeers_shareTheWork() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_a", 1);
            net.peer("peer_b", 1);
            P2c2rClient gamer = net.gamer("gamer_a");
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                replies.add(gamer.submit("ai_pathfinding", TestNetwork.path(i), null));
            }
            Map<String, Integer> byPeer = new HashMap<>();
            for (CompletableFuture<TaskReply> f : replies) {
                TaskReply r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
                byPeer.merge(r.result().peerId(), 1, Integer::sum);
            }
            assertEquals(2, byPeer.size(), "both peers worked: " + byPeer);
            assertTrue(byPeer.values().stream().allMatch(c -> c >= 5), "neither peer idled: " + byPeer);
        }
    }

    @Test
    void peerDroppingMidTask_taskCompletesOnAnotherPeer_billedOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient doomed = net.rawPeer("peer_doomed", 1);
            P2c2rClient gamer = net.gamer("gamer_a");
            CompletableFuture<TaskReply> reply = gamer.submit("ai_pathfinding", TestNetwork.path(7), null);
            ExecuteTask held = doomed.await(ExecuteTask.class, TestNetwork.WAIT);
            net.peer("peer_live", 1);
            doomed.getConnection().closeConnection(1006, "crash");

            TaskReply r = reply.get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_live", r.result().peerId());
            assertEquals(2, r.result().attempts());
            assertEquals(held.taskId(), r.result().taskId());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM ledger WHERE task_id = '" + held.taskId() + "'"));
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE peer_id = 'peer_doomed'"));
        }
    }

    @Test
    void realPeerCrashingWithWork_everyTaskStillCompletes_billedOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            var crashing = net.peer("peer_crash", 2);
            net.peer("peer_stays", 2);
            P2c2rClient gamer = net.gamer("gamer_a");
            CountDownLatch crashPeerBusy = new CountDownLatch(1);
            gamer.onProgress(a -> {
                if ("peer_crash".equals(a.peerId())) {
                    crashPeerBusy.countDown();
                }
            });
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            // Large grids keep both peers busy long enough for the crash to catch tasks mid-flight.
            for (int i = 0; i < 12; i++) {
                replies.add(gamer.submit("ai_pathfinding", "{\"width\":512,\"height\":512,\"start\":[" + i + ",0],\"end\":[511,511]}", null));
            }
            assertTrue(crashPeerBusy.await(30, TimeUnit.SECONDS), "peer_crash was given work");
            crashing.crash();
            for (CompletableFuture<TaskReply> f : replies) {
                TaskReply r = f.get(120, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
            }
            net.stopCoordinator();
            assertEquals(12, net.queryLong("SELECT COUNT(*) FROM ledger"));
            assertEquals(12, net.queryLong("SELECT COUNT(DISTINCT task_id) FROM ledger"));
        }
    }

    @Test
    void silentPeer_loseTheTaskAfterItsDeadline_andItsLateAnswerIsRefused() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.timeouts(Duration.ofSeconds(60), Duration.ofMillis(800), 3))) {
            RawClient silent = net.rawPeer("peer_silent", 1);
            P2c2rClient gamer = net.gamer("gamer_a");
            CompletableFuture<TaskReply> reply = gamer.submit("ai_pathfinding", TestNetwork.path(3), null);
            ExecuteTask held = silent.await(ExecuteTask.class, TestNetwork.WAIT);
            net.peer("peer_live", 1);

            TaskReply r = reply.get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_live", r.result().peerId());
            silent.send(Codec.encode(PeerTaskResult.failed(held.taskId(), null, "late", 1.0)));
            ErrorMessage refused = silent.await(ErrorMessage.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.TASK_NOT_HELD, refused.code());
        }
    }

    @Test
    void noPeers_taskWaitsInQueue_thenCompletesWhenAPeerJoins() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            P2c2rClient gamer = net.gamer("gamer_a");
            CountDownLatch queued = new CountDownLatch(1);
            gamer.onProgress(a -> {
                if ("queued".equals(a.status())) {
                    queued.countDown();
                }
            });
            CompletableFuture<TaskReply> reply = gamer.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData());
            assertTrue(queued.await(30, TimeUnit.SECONDS), "the task was queued");
            assertFalse(reply.isDone());
            net.peer("peer_late", 1);
            TaskReply r = reply.get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_late", r.result().peerId());
        }
    }

    @Test
    void noPeers_taskTimesOut_withAClearError() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            P2c2rClient gamer = net.gamer("gamer_a");
            TaskReply r = gamer.submit("ai_pathfinding", TaskType.AI_PATHFINDING.seedData(), Duration.ofMillis(600))
                    .get(30, TimeUnit.SECONDS);
            assertFalse(r.ok());
            assertEquals(ErrorCodes.TIMEOUT, r.result().code());
            assertTrue(r.result().error().contains("no peer running ai_pathfinding"), r.result().error());
        }
    }

}
