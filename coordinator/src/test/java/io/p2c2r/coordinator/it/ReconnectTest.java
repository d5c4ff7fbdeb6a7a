package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.ConnectionChange;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.protocol.GamerTaskResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client survives a coordinator restart: it reconnects by itself, sends its unanswered requests again under
 * their own request ids, and every task completes once and is billed once.
 */
class ReconnectTest {
    private static final int TASKS = 200; // under the 256 open tasks a gamer may have

    @TempDir
    Path dir;

    @Test
    void aCoordinatorRestartedMidBench_completesEveryTaskOnce_withNoDoubleCharge() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_steady", 2);
            P2c2rClient gamer = net.gamer("gamer_steady");
            LinkedBlockingQueue<ConnectionChange> changes = watch(gamer);
            CountDownLatch someDone = new CountDownLatch(TASKS / 5);
            List<CompletableFuture<TaskReply>> futures = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                CompletableFuture<TaskReply> f = gamer.submit("ai_pathfinding", TestNetwork.path(i), Duration.ofSeconds(90));
                f.whenComplete((r, e) -> someDone.countDown());
                futures.add(f);
            }
            assertTrue(someDone.await(60, TimeUnit.SECONDS), "a fifth of the tasks completed before the restart");
            assertTrue(gamer.inFlight() > 0, "tasks are still open when the coordinator stops");

            net.restartCoordinatorOnSamePort();

            List<GamerTaskResult> told = new ArrayList<>();
            for (CompletableFuture<TaskReply> f : futures) {
                TaskReply r = f.get(120, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().code() + ": " + r.result().error());
                told.add(r.result());
            }
            Set<String> taskIds = new HashSet<>();
            told.forEach(r -> taskIds.add(r.taskId()));
            assertEquals(TASKS, taskIds.size(), "each request has its own task");
            assertEquals(ConnectionChange.State.RECONNECTING, changes.poll(10, TimeUnit.SECONDS).state());
            ConnectionChange back;
            do {
                back = changes.poll(10, TimeUnit.SECONDS);
            } while (back != null && back.state() == ConnectionChange.State.RECONNECTING);
            assertEquals(ConnectionChange.State.CONNECTED, back.state());
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            Delivered.assertStoredAndBilledOnce(net.database(), "gamer_steady", told);
            Books.assertBalanced(net);
        }
    }

    @Test
    void aSubmissionDuringAnOutage_waits_andCompletesOnceTheCoordinatorIsBack() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_patient", 1);
            P2c2rClient gamer = net.gamer("gamer_patient");
            LinkedBlockingQueue<ConnectionChange> changes = watch(gamer);
            net.stopCoordinator();
            awaitLost(changes);
            assertFalse(gamer.isOpen());

            CompletableFuture<TaskReply> during = gamer.submit("ai_pathfinding", TestNetwork.path(7), Duration.ofSeconds(60));
            // Attempts fail while nothing listens; each is told, and none fails the request.
            ConnectionChange failedAttempt = changes.poll(10, TimeUnit.SECONDS);
            assertEquals(ConnectionChange.State.RECONNECTING, failedAttempt.state());
            assertTrue(failedAttempt.attempt() >= 1, failedAttempt.toString());
            assertFalse(during.isDone(), "a lost connection is not an answer");

            net.startCoordinatorOnSamePort();
            TaskReply r = during.get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().code() + ": " + r.result().error());
            assertTrue(gamer.isOpen());
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            Delivered.assertStoredAndBilledOnce(net.database(), "gamer_patient", List.of(r.result()));
        }
    }

    @Test
    void aBacklogLargerThanTheMessageBurst_isSentAgainPaced_andCompletes() throws Exception {
        int backlog = 700; // more than the burst of 600 messages a connection may send at once here
        try (TestNetwork net = new TestNetwork(dir, b -> b.maxOpenTasksPerGamer(1000)
                .netLimits(io.p2c2r.coordinator.NetLimits.defaults().withMessageRate(300, 600)))) {
            net.peer("peer_backlog", 2);
            P2c2rClient gamer = net.gamer("gamer_backlog");
            LinkedBlockingQueue<ConnectionChange> changes = watch(gamer);
            net.stopCoordinator();
            awaitLost(changes);
            List<CompletableFuture<TaskReply>> futures = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                futures.add(gamer.submit("ai_pathfinding", TestNetwork.path(i), Duration.ofSeconds(90)));
            }
            net.startCoordinatorOnSamePort();
            List<GamerTaskResult> told = new ArrayList<>();
            for (CompletableFuture<TaskReply> f : futures) {
                TaskReply r = f.get(120, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().code() + ": " + r.result().error());
                told.add(r.result());
            }
            net.coordinator().flush().get(30, TimeUnit.SECONDS);
            Delivered.assertStoredAndBilledOnce(net.database(), "gamer_backlog", told);
            assertEquals(1, changes.stream().filter(c -> c.state() == ConnectionChange.State.CONNECTED).count(),
                    "one reconnection, never cut off as a flood: " + changes);
        }
    }

    @Test
    void closingAReconnectingClient_failsItsOpenRequests_asDisconnected() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            P2c2rClient gamer = net.gamer("gamer_quitter");
            LinkedBlockingQueue<ConnectionChange> changes = watch(gamer);
            net.stopCoordinator();
            awaitLost(changes);
            CompletableFuture<TaskReply> open = gamer.submit("ai_pathfinding", TestNetwork.path(3), Duration.ofSeconds(60));
            gamer.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> open.get(5, TimeUnit.SECONDS));
            P2c2rException p = assertInstanceOf(P2c2rException.class, e.getCause());
            assertEquals(P2c2rClient.DISCONNECTED, p.code());
            assertEquals(ConnectionChange.State.CLOSED, gamer.state());
            ConnectionChange last = null;
            for (ConnectionChange c; (c = changes.poll()) != null; ) {
                last = c;
            }
            assertEquals(ConnectionChange.State.CLOSED, last.state());
            net.startCoordinatorOnSamePort(); // TestNetwork closes a running coordinator
        }
    }

    private static LinkedBlockingQueue<ConnectionChange> watch(P2c2rClient client) {
        LinkedBlockingQueue<ConnectionChange> changes = new LinkedBlockingQueue<>();
        client.onConnectionChange(changes::add);
        return changes;
    }

    private static void awaitLost(LinkedBlockingQueue<ConnectionChange> changes) throws InterruptedException {
        ConnectionChange lost = changes.poll(10, TimeUnit.SECONDS);
        assertTrue(lost != null && lost.state() == ConnectionChange.State.RECONNECTING, "the loss is told: " + lost);
    }
}
