package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.protocol.CancelTask;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.common.protocol.TaskProgress;
import io.p2c2r.common.protocol.TaskSpec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.coordinator.core.SplitRules;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split rendering over real peers and sockets: a render cut into tiles comes back as one result, byte for byte the
 * whole render, billed as the sum of its tiles; progress arrives; a failed tile fails the render; cancelling drops
 * the tiles no peer runs; a render sent again after a coordinator restart reuses the tiles that completed.
 */
class SplitRenderTest {
    private static final String GI = "{\"resolution\":[64,48],\"samples_per_pixel\":4,\"bounces\":2,\"seed\":5}";

    @TempDir
    Path dir;

    /** What one peer returns for the whole frame: the executor run directly. */
    private static RawJson whole(TaskType type, String data) {
        return Codec.toRaw(ExecutorRegistry.builtIn().find(type).orElseThrow()
                .execute(Codec.params(data), ExecutionContext.sequential()));
    }

    /** A raw peer's honest answer to one run. */
    private static String answer(ExecuteTask task) {
        TaskType type = TaskType.fromWire(task.taskType()).orElseThrow();
        return Codec.encode(PeerTaskResult.completed(task.taskId(), whole(type, task.taskData().text()), 3.0));
    }

    @Test
    void splitRender_isTheWholeRenderByteForByte_withProgress_andIsBilledAsItsTiles() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_a", 1);
            net.peer("peer_b", 1);
            net.peer("peer_c", 1);
            P2c2rClient gamer = net.gamer("gamer_split");
            List<TaskProgress> progress = new CopyOnWriteArrayList<>();
            gamer.onTileProgress(progress::add);
            TaskReply reply = gamer.submit("rt_global_illumination", GI, null, false, 5).get(60, TimeUnit.SECONDS);
            GamerTaskResult r = reply.result();
            assertTrue(r.ok(), r.code() + " " + r.error());
            RawJson expected = whole(TaskType.RT_GLOBAL_ILLUMINATION, GI);
            assertEquals(expected.text(), r.result().text(), "the merged render is the whole render, byte for byte");
            assertEquals(Codec.canonicalSha256(expected), r.resultSha256());
            assertEquals(5.0, r.metrics().get("tiles"));

            assertEquals(6, progress.size(), "0 of 5, then one per tile: " + progress);
            for (int i = 0; i < progress.size(); i++) {
                assertEquals(i, progress.get(i).tilesDone());
                assertEquals(5, progress.get(i).tilesTotal());
                assertEquals(r.taskId(), progress.get(i).taskId());
            }

            // The same frame sent whole is served from the cache: the merged result is the whole render's.
            GamerTaskResult again = gamer.submit("rt_global_illumination", GI, null, false, 1).get(60, TimeUnit.SECONDS).result();
            assertTrue(again.ok() && again.cached(), again.code() + " " + again.error());
            assertEquals(expected.text(), again.result().text());
            GamerTaskResult fetched = gamer.fetch(r.taskId()).get(30, TimeUnit.SECONDS).result();
            assertEquals(r.costNanos(), fetched.costNanos(), "get_task reports what the tiles cost");

            net.stopCoordinator();
            String tiles = "task_id > '" + r.taskId() + ".t' AND task_id < '" + r.taskId() + ".u'";
            assertEquals(5, net.queryLong("SELECT COUNT(*) FROM ledger WHERE " + tiles));
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE gamer_charge_nanos != peer_earning_nanos + fee_nanos"));
            long charged = net.queryLong("SELECT SUM(gamer_charge_nanos) FROM ledger");
            assertTrue(charged > 0);
            assertEquals(charged, r.costNanos(), "the gamer pays the sum of the tiles");
            assertEquals(charged, net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_split'"));
            assertEquals(net.queryLong("SELECT SUM(peer_earning_nanos) FROM ledger"),
                    net.queryLong("SELECT SUM(total_earned_nanos + pending_nanos) FROM peers"));
            assertEquals("completed", net.queryString("SELECT status FROM tasks WHERE task_id = '" + r.taskId() + "'"));
        }
    }

    @Test
    void bigRender_isSplitWithoutBeingAsked_whenOverTheAutomaticThreshold() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.split(new SplitRules(1_000_000, 1_000_000, 1 << 20)))) {
            net.peer("peer_a", 2);
            P2c2rClient gamer = net.gamer("gamer_auto");
            String data = "{\"resolution\":[40,30],\"samples_per_pixel\":200,\"bounces\":2}"; // bound 1.4 M units
            GamerTaskResult r = gamer.submit("rt_global_illumination", data, null).get(60, TimeUnit.SECONDS).result();
            assertTrue(r.ok(), r.code() + " " + r.error());
            assertEquals(2.0, r.metrics().get("tiles"));
            assertEquals(whole(TaskType.RT_GLOBAL_ILLUMINATION, data).text(), r.result().text());
            GamerTaskResult refused = gamer.submit("ai_pathfinding", TaskType.AI_PATHFINDING.seedData(), null, false, 4)
                    .get(30, TimeUnit.SECONDS).result();
            assertEquals(ErrorCodes.INVALID_TASK, refused.code());
            assertTrue(refused.error().contains("split = 4"), refused.error());
            // 1400 x 800 pixels are more than this coordinator's budget of split pixels (1 Mi) at once.
            GamerTaskResult tooBig = gamer.submit("rt_reflections", "{\"resolution\":[1400,800]}", null, false, 2)
                    .get(30, TimeUnit.SECONDS).result();
            assertEquals(ErrorCodes.TOO_MANY_TASKS, tooBig.code());
            assertTrue(tooBig.error().contains("1120000 pixels"), tooBig.error());
        }
    }

    @Test
    void aTileThatFailsForGood_failsTheRender_whichPaysOnlyForTheTilesThatCompleted() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_raw", 2);
            P2c2rClient gamer = net.gamer("gamer_fail");
            var reply = gamer.submit("rt_reflections", "{\"resolution\":[32,24]}", null, false, 6);
            ExecuteTask first = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            ExecuteTask second = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            peer.send(answer(first));
            ResultAccepted paid = peer.await(ResultAccepted.class, TestNetwork.WAIT);
            // The algorithm's own failure is not retried: the tile fails for good.
            peer.send(Codec.encode(PeerTaskResult.failed(second.taskId(), ErrorCodes.EXECUTION_FAILED, "out of rays", 1.0)));
            GamerTaskResult r = reply.get(30, TimeUnit.SECONDS).result();
            assertFalse(r.ok());
            assertEquals(ErrorCodes.EXECUTION_FAILED, r.code());
            assertTrue(r.error().contains("of 6") && r.error().contains("out of rays") && r.error().contains("1 of 6 tiles done"),
                    r.error());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            long charge = net.queryLong("SELECT gamer_charge_nanos FROM ledger WHERE run_id = '" + first.taskId() + "'");
            assertTrue(charge > 0 && paid.earnedNanos() > 0);
            assertEquals(charge, r.costNanos(), "the failed render costs the tile that completed");
            assertEquals(charge, net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_fail'"));
            String tiles = "task_id > '" + r.taskId() + ".t' AND task_id < '" + r.taskId() + ".u'";
            // The slot the first tile freed got a third tile (its execute_task came before the first one's
            // acknowledgement): it runs on. The three tiles no peer had started are dropped.
            assertEquals(3, net.queryLong("SELECT COUNT(*) FROM tasks WHERE " + tiles + " AND status = 'cancelled'"));
            assertEquals(6, net.queryLong("SELECT COUNT(*) FROM tasks WHERE " + tiles));
            assertEquals("failed", net.queryString("SELECT status FROM tasks WHERE task_id = '" + r.taskId() + "'"));
        }
    }

    @Test
    void cancellingTheRender_dropsTheQueuedTiles_andTheRunningOneFinishesBilled() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_raw", 1);
            RawClient gamer = net.raw();
            gamer.send(Codec.encode(new RegisterGamer("gamer_cancel", null)));
            gamer.await(Registered.class, TestNetwork.WAIT);
            gamer.send(Codec.encode(new SubmitTask("big", new TaskSpec("rt_shadows", Codec.raw("{\"resolution\":[30,20]}")),
                    null, null, 3)));
            assertEquals(0, gamer.await(TaskProgress.class, TestNetwork.WAIT).tilesDone());
            ExecuteTask running = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            gamer.send(Codec.encode(new CancelTask("big")));
            GamerTaskResult r = gamer.await(GamerTaskResult.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.CANCELLED, r.code());
            assertTrue(r.error().contains("1 running on peers finish"), r.error());
            assertEquals(0, r.costNanos());
            peer.send(answer(running));
            // Had a tile stayed queued, the freed slot would get it now, before this run's acknowledgement (which
            // waits for its commit): the next message is the acknowledgement.
            ResultAccepted accepted = assertInstanceOf(ResultAccepted.class, Codec.decodeServer(peer.awaitAny(TestNetwork.WAIT)));
            assertTrue(accepted.earnedNanos() > 0, "work a peer ran is paid for");
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            String tiles = "task_id > '" + r.taskId() + ".t' AND task_id < '" + r.taskId() + ".u'";
            // Tiles cancelled while still being looked up leave no row; those with one say cancelled.
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM tasks WHERE " + tiles + " AND status != 'cancelled'"));
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM ledger WHERE " + tiles));
            assertEquals(net.queryLong("SELECT SUM(gamer_charge_nanos) FROM ledger"),
                    net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_cancel'"));
        }
    }

    @Test
    void aGamerThatReconnects_joinsItsRunningRender_andEachTileIsBilledOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_raw", 1);
            RawClient first = net.raw();
            first.send(Codec.encode(new RegisterGamer("gamer_rejoin", null)));
            String token = first.await(Registered.class, TestNetwork.WAIT).token();
            String submit = Codec.encode(new SubmitTask("frame", new TaskSpec("rt_shadows", Codec.raw("{\"resolution\":[30,20]}")),
                    null, null, 3));
            first.send(submit);
            ExecuteTask tile = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            first.closeBlocking(); // a tile is running: the render outlives the connection
            RawClient second = net.raw();
            second.send(Codec.encode(new RegisterGamer("gamer_rejoin", token)));
            second.await(Registered.class, TestNetwork.WAIT);
            second.send(submit);
            for (int i = 0; i < 3; i++) {
                peer.send(answer(tile));
                tile = i < 2 ? peer.await(ExecuteTask.class, TestNetwork.WAIT) : null;
            }
            GamerTaskResult r = second.await(GamerTaskResult.class, TestNetwork.WAIT);
            assertTrue(r.ok(), r.code() + " " + r.error());
            assertEquals(whole(TaskType.RT_SHADOWS, "{\"resolution\":[30,20]}").text(), r.result().text());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(3, net.queryLong("SELECT COUNT(*) FROM ledger"), "each tile ran and was billed once");
            assertEquals(r.costNanos(), net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_rejoin'"));
        }
    }

    @Test
    void aRenderSentAgainAfterACoordinatorRestart_reusesTheTilesThatCompleted_andBillsEachOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_raw", 1);
            P2c2rClient gamer = net.gamer("gamer_restart");
            var reply = gamer.submit("rt_global_illumination", GI, null, false, 4);
            ExecuteTask first = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            peer.send(answer(first));
            // The freed slot gets the second tile at once (before the first one's acknowledgement, which waits for
            // its commit); it is still running when the coordinator stops.
            peer.await(ExecuteTask.class, TestNetwork.WAIT);
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            net.restartCoordinatorOnSamePort();
            // The client sends its open request again by itself once it has reconnected; a real peer finishes it.
            net.peer("peer_real", 1);
            GamerTaskResult r = reply.get(90, TimeUnit.SECONDS).result();
            assertTrue(r.ok(), r.code() + " " + r.error());
            assertEquals(whole(TaskType.RT_GLOBAL_ILLUMINATION, GI).text(), r.result().text());
            net.stopCoordinator();
            assertEquals(4, net.queryLong("SELECT COUNT(*) FROM ledger"), "the tile done before the restart is not run again");
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM ledger WHERE peer_id = 'peer_raw'"));
            long charged = net.queryLong("SELECT SUM(gamer_charge_nanos) FROM ledger");
            assertEquals(charged, r.costNanos(), "the answer's cost counts every tile once, the reused one included");
            assertEquals(charged, net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_restart'"));
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM tasks WHERE status = 'interrupted' AND task_id NOT LIKE '%.t%'"),
                    "the render the restart cut short is marked interrupted");
        }
    }
}
