package io.p2c2r.coordinator.it;

import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.protocol.Capabilities;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.Coordinator;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.trust.TrustPolicy;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.peer.PeerNode;
import io.p2c2r.peer.controls.Controls;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole network on loopback for one test (results unchecked unless the test sets a trust policy): a real coordinator on port 0 with a SQLite file in a temp
 * folder, real peer nodes and real gamer clients. Closes everything it started.
 */
final class TestNetwork implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final CoordinatorConfig.Builder builder;
    private CoordinatorConfig config;
    private Coordinator coordinator;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final LogWatcher log = new LogWatcher();

    TestNetwork(Path dir) {
        this(dir, c -> c);
    }

    TestNetwork(Path dir, java.util.function.UnaryOperator<CoordinatorConfig.Builder> tweak) {
        this.dir = dir;
        this.builder = tweak.apply(CoordinatorConfig.builder().listen("127.0.0.1", 0).database(dir.resolve("cloud.db"))
                .statsInterval(Duration.ofHours(1))
                .checking(CoordinatorConfig.Checking.defaults().withPolicy(TrustPolicy.trustEveryone())
                        .withSpotCheckInterval(Duration.ZERO)));
        this.config = builder.build();
        this.coordinator = Coordinator.start(config, console());
    }

    private Console console() {
        return new Console(new PrintWriter(log), Console.Level.INFO);
    }

    /** Completes when the coordinator's console prints a line containing {@code text}. */
    void awaitLog(String text) throws Exception {
        log.await(text).get(WAIT.toSeconds() * 4, TimeUnit.SECONDS);
    }

    Coordinator coordinator() {
        return coordinator;
    }

    int port() {
        return coordinator.port();
    }

    Path database() {
        return config.database();
    }

    /** Stops the coordinator (flushing the database) and starts a new one on the same file and a new port. */
    void restartCoordinator() {
        coordinator.close();
        coordinator = Coordinator.start(config, console());
    }

    /**
     * Stops the coordinator (flushing the database) and starts a new one on the same file and the same port, so
     * that clients that reconnect by themselves find it again.
     */
    void restartCoordinatorOnSamePort() {
        coordinator.close();
        startCoordinatorOnSamePort();
    }

    /** After {@link #stopCoordinator()}: starts a new coordinator on the same file and port as the last one. */
    void startCoordinatorOnSamePort() {
        config = builder.listen("127.0.0.1", coordinator.port()).build();
        coordinator = Coordinator.start(config, console());
    }

    void stopCoordinator() {
        coordinator.close();
    }

    PeerNode peer(String id, int workers) throws Exception {
        return peer(id, workers, Controls.NONE, PrintWriter.nullWriter());
    }

    /** A real peer with its owner's {@code controls}, printing to {@code console}; its state folder is {@link #peerDir}. */
    PeerNode peer(String id, int workers, Controls controls, java.io.Writer console) throws Exception {
        PeerNode node = PeerNode.start(new PeerNode.Config(URI.create("ws://127.0.0.1:" + port() + "/"), id,
                new IdentityStore(peerDir()), workers, Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofMillis(500), Map.of(), controls, null), new PrintWriter(console, true));
        started.add(node);
        node.registered().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return node;
    }

    /** A small pathfinding task, distinct for each {@code i} (so not a cache hit). */
    static String path(int i) {
        return "{\"width\":40,\"height\":40,\"start\":[" + (i % 40) + "," + (i / 40) + "],\"end\":[39,39]}";
    }

    Path peerDir() {
        return dir.resolve("peers");
    }

    P2c2rClient gamer(String id) throws Exception {
        P2c2rClient client = P2c2rClient.connect(new P2c2rClient.Options(URI.create("ws://127.0.0.1:" + port() + "/"), id,
                new IdentityStore(dir.resolve("gamers")), Duration.ofSeconds(10))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        started.add(client);
        return client;
    }

    /** A raw peer that computes honestly, then lies as scripted (see {@link ScriptedPeer}). */
    ScriptedPeer scripted(String id, int slots, double lieRate, int honestFirst, long seed) throws Exception {
        ScriptedPeer p = ScriptedPeer.start(port(), id, slots, lieRate, honestFirst, seed);
        started.add(p::close);
        return p;
    }

    /** Adds something the test started to what {@link #close()} closes. */
    void closeLater(AutoCloseable c) {
        started.add(c);
    }

    RawClient raw() throws InterruptedException {
        RawClient c = RawClient.connect(port());
        started.add(c::closeBlocking);
        return c;
    }

    /** A raw client registered as a peer that offers the built-in algorithms with {@code slots} slots. */
    RawClient rawPeer(String id, int slots) throws InterruptedException {
        RawClient c = raw();
        c.send(Codec.encode(new RegisterPeer(id, null, new Capabilities(1, slots, ExecutorRegistry.builtIn().versions(),
                "test", "test", null))));
        c.await(Registered.class, WAIT);
        return c;
    }

    /** Runs one SQL query against the database file and returns the first column of the first row. */
    long queryLong(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** As {@link #queryLong}, for a text answer (null if no row). */
    String queryString(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** As {@link #queryLong}, for a real-valued answer. */
    double queryDouble(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // A test may have closed it already; keep closing the rest.
            }
        }
        coordinator.close();
    }
}
