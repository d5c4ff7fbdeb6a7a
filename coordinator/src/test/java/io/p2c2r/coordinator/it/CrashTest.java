package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.coordinator.CoordinatorMain;
import io.p2c2r.peer.PeerNode;
import io.p2c2r.peer.controls.Controls;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: a coordinator process killed with SIGKILL under load, three times and restarted on
 * the same database each time, leaves an intact file in which every completion a gamer was told of is stored and
 * billed exactly once, and books that balance. The gamers reconnect by themselves and every task completes once.
 * (Checked once by hand: a store that runs its acknowledgements before the commit, 2 ms before it, fails this at
 * the first kill with a task told completed that the file has as running.)
 */
class CrashTest {
    private static final int KILLS = 3;
    /** Completions the gamers must be told of between two kills, so that each kill lands under load. */
    private static final int PER_ROUND = 400;
    private static final int GAMERS = 2;
    private static final int IN_FLIGHT = 48;

    @TempDir
    Path dir;

    private Path db;
    private int port;

    @Test
    void sigkillUnderLoad_threeTimes_losesNoAcknowledgedCompletion_andBillsEachOnce() throws Exception {
        db = dir.resolve("cloud.db");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ChildJvm coordinator = start();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                PeerNode peer = PeerNode.start(new PeerNode.Config(cloud(), "peer_crash_" + i, new IdentityStore(dir.resolve("peers")),
                        2, Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMillis(500), Map.of(), Controls.NONE, null),
                        new PrintWriter(Writer.nullWriter()));
                started.add(peer);
                peer.registered().get(30, TimeUnit.SECONDS);
            }
            List<Load> loads = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int g = 0; g < GAMERS; g++) {
                P2c2rClient client = P2c2rClient.connect(new P2c2rClient.Options(cloud(), "gamer_crash_" + g,
                        new IdentityStore(dir.resolve("gamers")), Duration.ofSeconds(5))).get(30, TimeUnit.SECONDS);
                started.add(client);
                Load load = new Load(client, "gamer_crash_" + g, next);
                loads.add(load);
                load.start();
            }
            for (int kill = 1; kill <= KILLS; kill++) {
                awaitTold(loads, kill * PER_ROUND, coordinator);
                coordinator.kill();
                checkDatabase(loads, "after kill " + kill);
                coordinator = start();
                assertEquals("ok", Delivered.integrityCheck(db), "after restart " + kill);
            }
            loads.forEach(Load::stopSubmitting);
            for (Load load : loads) {
                load.awaitAll();
                assertEquals(List.of(), load.refused, load.gamerId + ": every task completes");
                assertEquals(load.submitted.get(), load.told.size(), load.gamerId + ": every submission was answered");
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            coordinator.close();
        }
        checkDatabase(List.of(), "at the end");
        // The kills landed on work in flight: tasks were left open, and requests were sent again after a restart.
        assertTrue(count("SELECT COUNT(*) FROM tasks WHERE status = 'interrupted'") > 0, "tasks open at a kill");
        assertTrue(count("SELECT COUNT(*) FROM (SELECT 1 FROM tasks GROUP BY gamer_id, request_id HAVING COUNT(*) > 1)") > 0,
                "requests sent again");
    }

    private long count(String sql) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private URI cloud() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    private ChildJvm start() throws Exception {
        ChildJvm c = new ChildJvm(CoordinatorMain.class, List.of(), "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--db", db.toString(), "--quiet", "--trust-threshold", "0", "--audit-rate", "0", "--spot-check-minutes", "0");
        c.await("Starting server on", 60);
        return c;
    }

    private static void awaitTold(List<Load> loads, int each, ChildJvm coordinator) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Load load : loads) {
            if (!load.toldAtLeast(each, deadline)) {
                throw new AssertionError(load.gamerId + " was told of " + load.told.size() + " completions, not " + each
                        + "; the coordinator printed:\n" + coordinator.output());
            }
        }
    }

    /** With the coordinator dead (nothing writes): the file is intact, all told is stored once, and the books balance. */
    private void checkDatabase(List<Load> loads, String when) throws Exception {
        assertEquals("ok", Delivered.integrityCheck(db), when);
        for (Load load : loads) {
            Delivered.assertStoredAndBilledOnce(db, load.gamerId, List.copyOf(load.told));
        }
        Books.assertBalanced(this::count);
    }

    /** One gamer's steady load: distinct tasks, at most {@link #IN_FLIGHT} unanswered, on its own thread. */
    private static final class Load {
        final String gamerId;
        final ConcurrentLinkedQueue<GamerTaskResult> told = new ConcurrentLinkedQueue<>();
        final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger submitted = new AtomicInteger();
        private final P2c2rClient client;
        private final AtomicInteger next;
        private final Semaphore window = new Semaphore(IN_FLIGHT);
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<CompletableFuture<TaskReply>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Load(P2c2rClient client, String gamerId, AtomicInteger next) {
            this.client = client;
            this.gamerId = gamerId;
            this.next = next;
            this.thread = new Thread(this::run, "crash-load-" + gamerId);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try {
                while (!stop.get()) {
                    if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    int i = next.getAndIncrement();
                    String data = "{\"width\":128,\"height\":128,\"start\":[" + (i % 128) + "," + (i / 128 % 128) + "],\"end\":[127,127]}";
                    CompletableFuture<TaskReply> f = client.submit("ai_pathfinding", data, Duration.ofSeconds(120));
                    submitted.incrementAndGet();
                    all.add(f.whenComplete((r, e) -> {
                        if (e == null && r.ok()) {
                            told.add(r.result());
                        } else {
                            refused.add(e != null ? e.toString() : r.result().code() + ": " + r.result().error());
                        }
                        window.release();
                        answered();
                    }));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized boolean toldAtLeast(int n, long deadlineNanos) throws InterruptedException {
            while (told.size() + refused.size() < n) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        private synchronized void answered() {
            notifyAll();
        }

        void stopSubmitting() {
            stop.set(true);
        }

        void awaitAll() throws Exception {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).exceptionally(x -> null).get(60, TimeUnit.SECONDS);
        }
    }
}
