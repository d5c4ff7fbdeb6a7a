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
    public static final int SCHEMA_VERSION = 1;
    private static final int MAX_BATCH = 256;

    private final Connection db;
    private final Tables tables;
    private final LinkedBlockingQueue<StoreOp> queue = new LinkedBlockingQueue<>();
    private final Consumer<String> errors;
    private final Thread thread;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private volatile boolean closing;

    private Store(Connection db, Consumer<String> errors) {
        this.db = db;
        this.tables = new Tables(db);
        this.errors = errors;
        this.thread = new Thread(this::run, "p2c2r-store");
    }

    /** Opens (creating if needed) the database at {@code file} and brings its schema up to date. */
    public static Store open(Path file, Consumer<String> errors) {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA busy_timeout = 5000");
            }
            migrate(db);
            db.setAutoCommit(false);
            return new Store(db, errors);
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Marks tasks a previous run left open as interrupted and reads identities and totals. Call before {@link #start()}. */
    public Snapshot load(long now) {
        try {
            int interrupted = tables.tasks.interruptOpen(now);
            Snapshot s = new Snapshot(tables.peers.all(), tables.gamers.all(), tables.tasks.count(),
                    tables.ledger.totalFees(), interrupted);
            db.commit();
            return s;
        } catch (SQLException e) {
            throw new StoreException("cannot read the database: " + e.getMessage(), e);
        }
    }

    public void start() {
        thread.start();
    }

    /** Queues {@code op}; it runs after every op queued before it. */
    public void submit(StoreOp op) {
        if (closing) {
            errors.accept("store is closing; dropped a write");
            return;
        }
        queue.add(op);
    }

    /** Runs {@code query} on the store thread, after all earlier writes, and hands its answer to {@code reply}. */
    public <T> void query(Query<T> query, Consumer<T> reply) {
        submit(t -> reply.accept(query.apply(t)));
    }

    /** Completes once everything queued before this call is committed to the file. */
    public java.util.concurrent.CompletableFuture<Void> flush() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        submit(t -> afterCommit.add(() -> done.complete(null)));
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
            db.close();
        } catch (SQLException e) {
            errors.accept("closing the database failed: " + e.getMessage());
        }
    }

    private void run() {
        List<StoreOp> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                if (queue.isEmpty() && closing) {
                    return;
                }
                StoreOp first = queue.poll(1, TimeUnit.SECONDS);
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

    private void runBatch(List<StoreOp> batch) {
        for (StoreOp op : batch) {
            Savepoint sp = null;
            try {
                sp = db.setSavepoint();
                op.apply(tables);
                db.releaseSavepoint(sp);
            } catch (SQLException | RuntimeException e) {
                errors.accept("database write failed: " + e.getMessage());
                rollback(sp);
            }
        }
        try {
            db.commit();
        } catch (SQLException e) {
            errors.accept("database commit failed: " + e.getMessage());
        }
        afterCommit.forEach(Runnable::run);
        afterCommit.clear();
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

    private static void migrate(Connection db) throws SQLException {
        int version;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
            throw new SQLException("database schema version " + version + " is newer than this build's " + SCHEMA_VERSION);
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            for (String statement : stripComments(schema()).split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
            st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
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

    private static String schema() {
        try (InputStream in = Store.class.getResourceAsStream("schema-v1.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema-v1.sql is missing from the coordinator jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema-v1.sql", e);
        }
    }
}
