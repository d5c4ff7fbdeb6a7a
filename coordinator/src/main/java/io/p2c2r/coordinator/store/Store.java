package io.p2c2r.coordinator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The coordinator's SQLite database (WAL mode), owned by one named thread that runs queued
 * {@link StoreOp}s in order, many per transaction. Any thread may {@link #submit}; only the store thread
 * touches the connection. Each op runs under a savepoint, so one failing op does not undo its batch.
 */
public final class Store implements AutoCloseable {
    public static final int SCHEMA_VERSION = 2;
    /**
     * Ops per transaction (group commit). {@code -Dp2c2r.store.maxBatch=1} commits each op alone: only to measure
     * what batching buys (docs/BENCHMARKS.md).
     */
    private static final int MAX_BATCH = maxBatch(System.getProperty("p2c2r.store.maxBatch", "256"));

    private final Connection db;
    private final DatabaseClaim claim;
    private final StatementCache statements;
    private final Tables tables;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Consumer<String> errors;
    private final Thread thread;
    private volatile boolean closing;

    private Store(Connection db, DatabaseClaim claim, Consumer<String> errors) {
        this.db = db;
        this.claim = claim;
        this.statements = new StatementCache(db);
        this.tables = new Tables(statements.connection());
        this.errors = errors;
        this.thread = new Thread(this::run, "p2c2r-store");
    }

    /**
     * Opens (creating if needed) the database at {@code file}, owner-only and locked against a second
     * coordinator (see {@link DatabaseClaim}), and brings its schema up to date.
     */
    public static Store open(Path file, Consumer<String> errors) {
        DatabaseClaim claim = DatabaseClaim.take(file);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA busy_timeout = 5000");
            }
            migrate(db);
            db.setAutoCommit(false);
            return new Store(db, claim, errors);
        } catch (SQLException e) {
            claim.close();
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks tasks a previous run left open as interrupted and reads identities, totals and trust. Checks under way
     * within the last {@code holdMillis} are returned to resume (at most {@code maxChecks}); older ones are given up
     * and their held earnings wait out a normal hold. Call before {@link #start()}.
     */
    public Snapshot load(long now, long holdMillis, int maxChecks) {
        try {
            int interrupted = tables.tasks.interruptOpen(now);
            List<PendingCheck> checks = new ArrayList<>();
            java.util.Set<String> resumed = new java.util.HashSet<>();
            for (TaskRow row : tables.tasks.pendingChecks(now - holdMillis, maxChecks)) {
                List<RunRow> runs = tables.runs.forTask(row.taskId());
                List<long[]> amounts = new ArrayList<>();
                for (RunRow r : runs) {
                    long[] a = tables.ledger.amounts(r.runId());
                    amounts.add(a != null ? a : new long[] {0, 0, 0});
                }
                checks.add(new PendingCheck(row, runs, amounts));
                resumed.add(row.taskId());
            }
            tables.ledger.releaseHolds(holdMillis, resumed);
            tables.tasks.abandonChecks(now - holdMillis);
            long[] fees = tables.ledger.feeTotals();
            Snapshot s = new Snapshot(tables.peers.all(), tables.gamers.all(), tables.tasks.count(), fees[0], fees[1],
                    interrupted, tables.trust.all(), checks);
            db.commit();
            return s;
        } catch (SQLException e) {
            throw new StoreException("cannot read the database: " + e.getMessage(), e);
        }
    }

    public void start() {
        thread.start();
    }

    /** An op and what to run once its transaction has committed (null: nothing). */
    private record Queued(StoreOp op, Runnable committed) {
    }

    /** Queues {@code op}; it runs after every op queued before it. */
    public void submit(StoreOp op) {
        submit(op, null);
    }

    /**
     * Queues {@code op} and runs {@code committed} on the store thread once the transaction holding it has committed
     * (never if the op failed or the commit did): this is how an acknowledgement waits for what it acknowledges.
     * Ops share transactions (up to 256 at a time), so waiting costs one commit, not one per op.
     */
    public void submit(StoreOp op, Runnable committed) {
        if (closing) {
            errors.accept("store is closing; dropped a write");
            return;
        }
        queue.add(new Queued(op, committed));
    }

    /** Runs {@code query} on the store thread, after all earlier writes, and hands its answer to {@code reply}. */
    public <T> void query(Query<T> query, Consumer<T> reply) {
        submit(t -> reply.accept(query.apply(t)));
    }

    /** Completes once everything queued before this call is committed to the file. */
    public java.util.concurrent.CompletableFuture<Void> flush() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        submit(t -> { }, () -> done.complete(null));
        return done;
    }

    /** A read on the store thread. */
    @FunctionalInterface
    public interface Query<T> {
        T apply(Tables tables) throws SQLException;
    }

    /** Writes everything queued so far, stops the thread and closes the database. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            statements.close();
            db.close();
        } catch (SQLException e) {
            errors.accept("closing the database failed: " + e.getMessage());
        }
        claim.close();
    }

    private void run() {
        List<Queued> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                if (queue.isEmpty() && closing) {
                    return;
                }
                Queued first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
                // Closing: fall through and drain what is left.
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            runBatch(batch);
            batch.clear();
        }
    }

    private void runBatch(List<Queued> batch) {
        List<Runnable> committed = new ArrayList<>();
        for (Queued q : batch) {
            Savepoint sp = null;
            try {
                sp = db.setSavepoint();
                q.op().apply(tables);
                db.releaseSavepoint(sp);
                if (q.committed() != null) {
                    committed.add(q.committed());
                }
            } catch (SQLException | RuntimeException e) {
                errors.accept("database write failed: " + e.getMessage());
                rollback(sp);
            }
        }
        try {
            db.commit();
        } catch (SQLException e) {
            errors.accept("database commit failed, " + committed.size() + " acknowledgements withheld: " + e.getMessage());
            return;
        }
        for (Runnable r : committed) {
            try {
                r.run();
            } catch (RuntimeException e) {
                errors.accept("after-commit action failed: " + e);
            }
        }
    }

    static int maxBatch(String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 4096) {
            throw new IllegalArgumentException("p2c2r.store.maxBatch '" + value + "' is out of range [1, 4096]");
        }
        return n;
    }

    private void rollback(Savepoint sp) {
        if (sp == null) {
            return;
        }
        try {
            db.rollback(sp);
        } catch (SQLException e) {
            errors.accept("database rollback failed: " + e.getMessage());
        }
    }

    /** The schema's versions, oldest first: version i + 1 is reached by running {@code MIGRATIONS[i]}. */
    private static final String[] MIGRATIONS = {"schema-v1.sql", "migrate-v2.sql"};

    private static void migrate(Connection db) throws SQLException {
        int version;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new SQLException("database schema version " + version + " is newer than this build's " + SCHEMA_VERSION
                    + "; run a newer coordinator on it");
        }
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            for (int v = version; v < SCHEMA_VERSION; v++) {
                for (String statement : stripComments(resource(MIGRATIONS[v])).split(";")) {
                    if (!statement.isBlank()) {
                        st.execute(statement);
                    }
                }
                st.execute("PRAGMA user_version = " + (v + 1));
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Store.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the coordinator jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
