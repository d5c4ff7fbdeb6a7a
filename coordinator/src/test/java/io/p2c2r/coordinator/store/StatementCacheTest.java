package io.p2c2r.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
    private Connection raw;
    private StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
        }
        cache = new StatementCache(raw);
    }

    @AfterEach
    void close() throws SQLException {
        cache.close();
        raw.close();
    }

    @Test
    void prepare_sameSqlAfterClose_reusesTheStatementWithFreshParameters() throws SQLException {
        Connection db = cache.connection();
        PreparedStatement first;
        try (PreparedStatement st = db.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
            first = st;
            st.setInt(1, 1);
            st.setString(2, "one");
            st.executeUpdate();
        }
        assertTrue(first.isClosed(), "a returned statement reads as closed");
        try (PreparedStatement st = db.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
            assertSame(first, st);
            assertFalse(st.isClosed());
            st.setInt(1, 2);
            st.setString(2, "two");
            st.executeUpdate();
        }
        assertEquals("one", value(db, 1));
        assertEquals("two", value(db, 2));
    }

    @Test
    void prepare_sameSqlWhileOpen_givesASeparateStatement() throws SQLException {
        Connection db = cache.connection();
        insert(db, 1, "one");
        insert(db, 2, "two");
        String sql = "SELECT v FROM t WHERE k = ?";
        try (PreparedStatement outer = db.prepareStatement(sql)) {
            outer.setInt(1, 1);
            try (ResultSet rs = outer.executeQuery()) {
                assertTrue(rs.next());
                try (PreparedStatement inner = db.prepareStatement(sql)) {
                    assertNotSame(outer, inner);
                    inner.setInt(1, 2);
                    try (ResultSet in = inner.executeQuery()) {
                        assertTrue(in.next());
                        assertEquals("two", in.getString(1));
                    }
                }
                assertEquals("one", rs.getString(1), "the outer result is untouched by the nested statement");
            }
        }
    }

    @Test
    void prepare_moreDistinctSqlThanKept_stillAnswersEveryOne() throws SQLException {
        Connection db = cache.connection();
        insert(db, 7, "seven");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < StatementCache.MAX_STATEMENTS + 20; i++) {
                try (PreparedStatement st = db.prepareStatement("SELECT v, " + i + " FROM t WHERE k = ?")) {
                    st.setInt(1, 7);
                    try (ResultSet rs = st.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals("seven", rs.getString(1));
                        assertEquals(i, rs.getInt(2));
                    }
                }
            }
        }
    }

    private static void insert(Connection db, int k, String v) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
            st.setInt(1, k);
            st.setString(2, v);
            st.executeUpdate();
        }
    }

    private static String value(Connection db, int k) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT v FROM t WHERE k = ?")) {
            st.setInt(1, k);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
