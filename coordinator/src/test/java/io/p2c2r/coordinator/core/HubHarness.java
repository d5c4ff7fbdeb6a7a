package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Capabilities;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.common.protocol.TaskSpec;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Hub} driven by hand, with no sockets and no real waiting: a clock the test moves, channels that keep
 * what is sent to them, the loop's jobs run on the test thread, and a real SQLite store in a temp folder.
 */
final class HubHarness implements AutoCloseable {
    /** A clock that moves only when told. */
    static final class ManualClock implements Clock {
        long nanos = 1_000_000_000L;
        long millis = 1_800_000_000_000L;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long millis() {
            return millis;
        }

        void advance(long ms) {
            nanos += ms * 1_000_000L;
            millis += ms;
        }
    }

    /** A connection that keeps every message sent to it. */
    static final class Wire implements Channel {
        final String host;
        final List<ServerMessage> received = new ArrayList<>();
        boolean closed;

        Wire(String host) {
            this.host = host;
        }

        @Override
        public String remote() {
            return host + ":1";
        }

        @Override
        public String remoteHost() {
            return host;
        }

        @Override
        public boolean send(String text) {
            received.add(Codec.decodeServer(text));
            return true;
        }

        @Override
        public void close(CloseReason reason, String detail) {
            closed = true;
        }

        @Override
        public void registered(String role) {
            // the in-memory wire has no frame limits to raise
        }

        <T extends ServerMessage> List<T> all(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends ServerMessage> T last(Class<T> type) {
            List<T> all = all(type);
            if (all.isEmpty()) {
                throw new AssertionError("no " + type.getSimpleName() + " received; got " + received);
            }
            return all.get(all.size() - 1);
        }
    }

    final ManualClock clock = new ManualClock();
    final Store store;
    final Hub hub;
    private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
    private final Path db;
    private int requests;

    HubHarness(Path dir, CoordinatorConfig.Builder config) {
        db = dir.resolve("hub.db");
        CoordinatorConfig c = config.database(db).build();
        store = Store.open(db, e -> {
            throw new AssertionError(e);
        });
        var snapshot = store.load(clock.millis(), c.checking().holdWindow().toMillis(), c.checking().maxOpenChecks());
        store.start();
        hub = new Hub(c, Console.silent(), store, jobs::add, clock, snapshot);
    }

    /** Runs loop jobs and waits for the store until neither has anything left to do. */
    void settle() throws Exception {
        do {
            while (!jobs.isEmpty()) {
                jobs.poll().run();
            }
            store.flush().get(10, TimeUnit.SECONDS);
        } while (!jobs.isEmpty());
    }

    Session peer(String id, String host, int slots) throws Exception {
        Wire w = new Wire(host);
        Session s = new Session(w, clock.nanoTime());
        hub.registerPeer(s, new RegisterPeer(id, null, new Capabilities(1, slots, ExecutorRegistry.builtIn().versions(),
                "test", "test", null)));
        settle();
        return s;
    }

    Session gamer(String id) throws Exception {
        Session s = new Session(new Wire("10.9.9.9"), clock.nanoTime());
        hub.registerGamer(s, new RegisterGamer(id, null));
        settle();
        return s;
    }

    void submit(Session gamer, String type, String data) throws Exception {
        submit(gamer, type, data, "r" + (++requests));
    }

    void submit(Session gamer, String type, String data, String requestId) throws Exception {
        SubmitTask m = new SubmitTask(requestId, new TaskSpec(type, Codec.raw(data)), 3_600_000L);
        hub.submit(gamer, Submission.check(m, ExecutorRegistry.builtIn(), 1 << 20));
        settle();
    }

    /** The peer answers its oldest unanswered task honestly, as the real algorithm computes it. */
    ExecuteTask answer(Session peer) throws Exception {
        Wire w = wire(peer);
        List<ExecuteTask> tasks = w.all(ExecuteTask.class);
        ExecuteTask t = tasks.get(answeredBy(peer));
        var executor = ExecutorRegistry.builtIn().find(io.p2c2r.common.task.TaskType.fromWire(t.taskType()).orElseThrow())
                .orElseThrow();
        var result = executor.execute(Codec.params(t.taskData()), ExecutionContext.sequential());
        clock.advance(5); // the work takes 5 ms of the test's time
        hub.peerResult(peer, ResultCheck.check(PeerTaskResult.completed(t.taskId(), Codec.toRaw(result), 5.0)));
        answered.merge(peer, 1, Integer::sum);
        settle();
        return t;
    }

    private final java.util.Map<Session, Integer> answered = new java.util.HashMap<>();

    private int answeredBy(Session peer) {
        return answered.getOrDefault(peer, 0);
    }

    static Wire wire(Session s) {
        return (Wire) s.channel;
    }

    GamerTaskResult lastResult(Session gamer) {
        return wire(gamer).last(GamerTaskResult.class);
    }

    long query(String sql) throws Exception {
        store.flush().get(10, TimeUnit.SECONDS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
