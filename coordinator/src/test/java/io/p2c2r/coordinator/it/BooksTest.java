package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.common.money.Rates;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The books: every charge splits exactly into earning plus fee, totals agree, nothing is billed twice. */
class BooksTest {
    @TempDir
    Path dir;

    @Test
    void ledger_balancesExactly_overHundredsOfTasks() throws Exception {
        int n = 300;
        long clientCost = 0;
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_a", 2);
            net.peer("peer_b", 2);
            P2c2rClient gamer = net.gamer("gamer_books");
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            Semaphore window = new Semaphore(64); // stay under the per-gamer limit of open tasks
            for (int i = 0; i < n; i++) {
                String data = "{\"width\":48,\"height\":48,\"start\":[" + (i % 48) + "," + (i / 48) + "],\"end\":[47,47]}";
                assertTrue(window.tryAcquire(60, TimeUnit.SECONDS));
                CompletableFuture<TaskReply> f = gamer.submit("ai_pathfinding", data, null);
                f.whenComplete((r, e) -> window.release());
                replies.add(f);
            }
            for (CompletableFuture<TaskReply> f : replies) {
                TaskReply r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
                clientCost += r.result().costNanos();
            }
            net.stopCoordinator();
            assertEquals(n, net.queryLong("SELECT COUNT(*) FROM ledger"));
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE gamer_charge_nanos != peer_earning_nanos + fee_nanos"));
            long charged = net.queryLong("SELECT SUM(gamer_charge_nanos) FROM ledger");
            long earned = net.queryLong("SELECT SUM(peer_earning_nanos) FROM ledger");
            long fees = net.queryLong("SELECT SUM(fee_nanos) FROM ledger");
            assertEquals(charged, earned + fees);
            assertEquals(clientCost, charged, "what the gamer was told it paid equals what the ledger charged");
            assertEquals(charged, net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_books'"));
            assertEquals(earned, net.queryLong("SELECT SUM(total_earned_nanos + pending_nanos) FROM peers"));
            assertEquals(n, net.queryLong("SELECT SUM(tasks_completed) FROM peers"));
            assertEquals(n, net.queryLong("SELECT COUNT(*) FROM tasks WHERE status = 'completed'"));
        }
    }

    @Test
    void duplicatedTaskResult_isRefused_andBilledOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_raw", 1);
            P2c2rClient gamer = net.gamer("gamer_dup");
            CompletableFuture<TaskReply> reply = gamer.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData());
            ExecuteTask task = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            // The raw peer answers with what the real algorithm computes, then sends the same answer again.
            var result = ExecutorRegistry.builtIn().find(TaskType.AI_PATHFINDING).orElseThrow()
                    .execute(Codec.params(task.taskData()), ExecutionContext.sequential());
            String answer = Codec.encode(PeerTaskResult.completed(task.taskId(), Codec.toRaw(result), 5.0));
            peer.send(answer);
            ResultAccepted accepted = peer.await(ResultAccepted.class, TestNetwork.WAIT);
            peer.send(answer);
            ErrorMessage refused = peer.await(ErrorMessage.class, TestNetwork.WAIT);

            assertEquals(task.taskId(), accepted.taskId());
            assertEquals(ErrorCodes.TASK_NOT_HELD, refused.code());
            assertTrue(refused.message().contains(task.taskId()), refused.message());
            TaskReply r = reply.get(30, TimeUnit.SECONDS);
            assertTrue(r.ok());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM ledger WHERE task_id = '" + task.taskId() + "'"));
            assertEquals(accepted.earnedNanos(), net.queryLong("SELECT total_earned_nanos + pending_nanos FROM peers WHERE peer_id = 'peer_raw'"));
            assertEquals(r.result().costNanos(), net.queryLong("SELECT total_spent_nanos FROM gamers WHERE gamer_id = 'gamer_dup'"));
        }
    }

    @Test
    void billing_isByWork_soAClaimOfAnHourEarnsWhatTheWorkIsWorth() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_greedy", 1);
            P2c2rClient gamer = net.gamer("gamer_capped");
            String data = "{\"width\":400,\"height\":400,\"start\":[0,0],\"end\":[399,399]}";
            CompletableFuture<TaskReply> reply = gamer.submit("ai_pathfinding", data, null);
            ExecuteTask task = peer.await(ExecuteTask.class, TestNetwork.WAIT);
            var executor = ExecutorRegistry.builtIn().find(TaskType.AI_PATHFINDING).orElseThrow();
            var result = executor.execute(Codec.params(task.taskData()), ExecutionContext.sequential());
            // The peer claims an hour of work for a task it answered at once.
            peer.send(Codec.encode(PeerTaskResult.completed(task.taskId(), Codec.toRaw(result), 3_600_000.0)));
            ResultAccepted accepted = peer.await(ResultAccepted.class, TestNetwork.WAIT);
            assertTrue(reply.get(30, TimeUnit.SECONDS).ok());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            long units = ((Number) result.get(TaskExecutor.WORK_UNITS)).longValue();
            long micros = executor.workModel().referenceMicros(units);
            assertEquals(micros, net.queryLong("SELECT billed_micros FROM ledger WHERE task_id = '" + task.taskId() + "'"),
                    "billed for the work's reference time, whatever the peer claims");
            assertEquals(Rates.defaults().bill(micros).peerEarning().nanos(), accepted.earnedNanos());
            assertTrue(accepted.earnedNanos() > 0 && accepted.earnedNanos() < 150_000_000L / 60, "earned " + accepted.earnedNanos());
        }
    }
}
