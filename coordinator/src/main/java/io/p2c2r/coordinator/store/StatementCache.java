package io.p2c2r.coordinator.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the store's prepared statements across ops. sqlite-jdbc compiles the SQL on every
 * {@code prepareStatement}, which a profile of the dispatch path showed to be about a third of the store thread's
 * time (docs/BENCHMARKS.md). {@link #connection()} is the store's connection with {@code prepareStatement(sql)}
 * answered from this cache: closing such a statement clears its parameters and keeps it compiled. A statement asked
 * for again while still open (nested use of the same SQL) is prepared afresh and not cached. At most
 * {@value #MAX_STATEMENTS} are kept, least recently used dropped first. Store thread only.
 */
final class StatementCache implements AutoCloseable {
    static final int MAX_STATEMENTS = 128;

    private final Connection db;
    private final Connection proxy;
    private final LinkedHashMap<String, Entry> cached = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() <= MAX_STATEMENTS) {
                return false;
            }
            eldest.getValue().evicted = true;
            eldest.getValue().closeIfIdle();
            return true;
        }
    };

    StatementCache(Connection db) {
        this.db = db;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                this::onConnection);
    }

    /** The connection the tables use. */
    Connection connection() {
        return proxy;
    }

    /** Closes every kept statement; call before closing the connection. */
    @Override
    public void close() {
        for (Entry e : cached.values()) {
            e.evicted = true;
            e.closeIfIdle();
        }
        cached.clear();
    }

    private Object onConnection(Object self, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("prepareStatement") && args != null && args.length == 1 && args[0] instanceof String sql) {
            return prepare(sql);
        }
        return invoke(db, m, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Entry e = cached.get(sql);
        if (e != null && e.inUse) {
            return db.prepareStatement(sql); // the same SQL nested inside itself: a private, uncached one
        }
        if (e == null) {
            e = new Entry(db.prepareStatement(sql));
            cached.put(sql, e);
        }
        e.inUse = true;
        return e.view;
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One compiled statement and the view handed out while it is in use. */
    private static final class Entry {
        final PreparedStatement real;
        final PreparedStatement view;
        boolean inUse;
        boolean evicted;

        Entry(PreparedStatement real) {
            this.real = real;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this::onStatement);
        }

        private Object onStatement(Object self, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("close") && (args == null || args.length == 0)) {
                if (inUse) {
                    inUse = false;
                    real.clearParameters();
                    closeIfIdle();
                }
                return null;
            }
            if (m.getName().equals("isClosed") && (args == null || args.length == 0)) {
                return !inUse || real.isClosed();
            }
            return invoke(real, m, args);
        }

        void closeIfIdle() {
            if (evicted && !inUse) {
                try {
                    real.close();
                } catch (SQLException e) {
                    // Dropping a compiled statement that SQLite will also free with its connection; nothing is lost.
                }
            }
        }
    }
}
