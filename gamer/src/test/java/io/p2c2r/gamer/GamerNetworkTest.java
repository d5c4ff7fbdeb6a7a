package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.Coordinator;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.peer.PeerNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The gamer CLI against a real coordinator and peer on 127.0.0.1. */
class GamerNetworkTest {
    @TempDir
    Path dir;

    /** Standard error that completes a future when a fragment has been printed, so the test can wait on it. */
    static final class Said extends Writer {
        final StringBuilder text = new StringBuilder();
        final CompletableFuture<Void> waiting = new CompletableFuture<>();
        private final String fragment;

        Said(String fragment) {
            this.fragment = fragment;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
            if (text.indexOf(fragment) >= 0) {
                waiting.complete(null);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private Coordinator coordinator(int port) {
        return Coordinator.start(CoordinatorConfig.builder().listen("127.0.0.1", port).database(dir.resolve("cloud.db"))
                .statsInterval(Duration.ofHours(1)).build(), Console.silent());
    }

    /** Trusts every peer: one peer may then run thousands of tasks (an untrusted one is capped at 500 a day). */
    private Coordinator trustingCoordinator(int port) {
        return Coordinator.start(CoordinatorConfig.builder().listen("127.0.0.1", port).database(dir.resolve("cloud.db"))
                .statsInterval(Duration.ofHours(1)).trust(io.p2c2r.coordinator.trust.TrustPolicy.trustEveryone()).build(),
                Console.silent());
    }

    private PeerNode peer(int port) throws Exception {
        PeerNode p = PeerNode.start(new PeerNode.Config(URI.create("ws://127.0.0.1:" + port + "/"), "peer_g",
                new IdentityStore(dir.resolve("peer")), 1, Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMillis(200),
                Map.of()), new PrintWriter(Writer.nullWriter()));
        p.registered().get(30, TimeUnit.SECONDS);
        return p;
    }

    private static int run(Writer out, Writer err, String... args) {
        CommandLine cmd = new CommandLine(new GamerMain());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void submitWithWait_startedBeforeTheCoordinator_connectsOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Said err = new Said("waiting for a coordinator");
        StringWriter out = new StringWriter();
        String[] args = {"--cloud-ip", "127.0.0.1", "--cloud-port", String.valueOf(port), "--state-dir", dir.resolve("g").toString(),
                "--wait", "60", "submit", "ai_pathfinding", "--data", "{\"start\":[0,0],\"end\":[3,3]}"};
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(out, err, args));
        err.waiting.get(30, TimeUnit.SECONDS);
        try (Coordinator c = coordinator(port); PeerNode p = peer(c.port())) {
            assertEquals(0, exit.get(60, TimeUnit.SECONDS), err.text + "|" + out);
        }
        assertTrue(err.text.toString().contains("nothing listens at 127.0.0.1:" + port), err.text.toString());
        assertTrue(out.toString().contains("\"status\":\"completed\""), out.toString());
    }

    @Test
    void submit_savesTheImages_namedByTypeAndTask() throws Exception {
        try (Coordinator c = coordinator(0); PeerNode p = peer(c.port())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path images = dir.resolve("images");
            assertEquals(0, run(out, err, "--cloud-ip", "127.0.0.1", "--cloud-port", String.valueOf(c.port()), "--state-dir",
                    dir.resolve("g").toString(), "submit", "--output-dir", images.toString(), "ai_procedural", "--data",
                    "{\"type\":\"cave\",\"size\":[24,16],\"seed\":7,\"preview\":true}"), err.toString());
            String taskId = out.toString().replaceAll("(?s).*\"task_id\":\"([^\"]+)\".*", "$1").trim();
            Path png = images.resolve("ai_procedural-" + taskId + ".png");
            assertTrue(Files.exists(png), err + " | " + out);
            assertTrue(err.toString().contains("image saved to " + png), err.toString());
        }
    }

    @Test
    void submitWithSplit_printsTileProgress_andSavesTheWholeImage() throws Exception {
        try (Coordinator c = coordinator(0); PeerNode p = peer(c.port())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path images = dir.resolve("images");
            assertEquals(0, run(out, err, "--cloud-ip", "127.0.0.1", "--cloud-port", String.valueOf(c.port()), "--state-dir",
                    dir.resolve("g").toString(), "submit", "--output-dir", images.toString(), "--split", "3", "rt_shadows",
                    "--data", "{\"resolution\":[24,18],\"quality\":\"low\"}"), err.toString());
            for (int i = 0; i <= 3; i++) {
                assertTrue(err.toString().contains("submit: tiles " + i + "/3"), err.toString());
            }
            String taskId = out.toString().replaceAll("(?s).*\"task_id\":\"([^\"]+)\".*", "$1").trim();
            assertTrue(out.toString().contains("\"tiles\":3"), out.toString());
            assertTrue(Files.exists(images.resolve("rt_shadows-" + taskId + ".png")), err + " | " + out);
        }
    }

    @Test
    void bench_acrossACoordinatorRestart_reconnects_andCompletesEveryTaskOnce() throws Exception {
        int tasks = 3000;
        Coordinator first = trustingCoordinator(0);
        int port = first.port();
        try (PeerNode p = peer(port)) {
            Said out = new Said(" Bench: ");
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(out, err, "--cloud-ip", "127.0.0.1",
                    "--cloud-port", String.valueOf(port), "--state-dir", dir.resolve("g").toString(), "--gamer-id", "gamer_bench",
                    "bench", "--tasks", String.valueOf(tasks), "--connections", "2", "--in-flight", "32", "--data",
                    "{\"width\":64,\"height\":64,\"start\":[{i%64},{i/64}],\"end\":[63,63]}"));
            out.waiting.get(30, TimeUnit.SECONDS);
            first.close();
            try (Coordinator second = trustingCoordinator(port)) {
                int code;
                try {
                    code = exit.get(Long.getLong("bench.wait", 120), TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("the bench did not finish; it printed: " + out.text + " | " + err, e);
                }
                assertEquals(0, code, err + " | " + out.text);
                second.flush().get(30, TimeUnit.SECONDS);
                String text = out.text.toString();
                assertTrue(text.contains("reconnecting…") && text.contains("reconnected"), text);
                assertTrue(text.contains(" Completed: " + tasks + " ok"), text);
                try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cloud.db"));
                     java.sql.Statement st = db.createStatement()) {
                    assertEquals(tasks, count(st, "SELECT COUNT(DISTINCT request_id) FROM tasks WHERE status = 'completed'"));
                    assertEquals(tasks, count(st, "SELECT COUNT(*) FROM tasks WHERE status = 'completed'"), "none completed twice");
                    assertEquals(tasks, count(st, "SELECT COUNT(DISTINCT t.request_id) FROM ledger l JOIN tasks t ON t.task_id = l.task_id"));
                    assertEquals(tasks, count(st, "SELECT COUNT(*) FROM ledger"), "none billed twice");
                }
            }
        }
    }

    private static long count(java.sql.Statement st, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
