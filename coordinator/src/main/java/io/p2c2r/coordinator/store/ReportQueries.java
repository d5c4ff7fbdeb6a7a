package io.p2c2r.coordinator.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads a {@link Report} through a read-only connection of its own, inside one read transaction, so it is safe
 * while a coordinator writes the same file (WAL mode: readers never block the writer) and every figure comes from
 * the same moment. Never claims the coordinator's lock. Any thread; each call opens and closes its connection.
 */
public final class ReportQueries {
    private ReportQueries() {
    }

    public static Report read(Path file, long sinceMillis, long nowMillis) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("database " + file + " does not exist", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(5000);
        try (Connection db = config.createConnection("jdbc:sqlite:" + file)) {
            db.setAutoCommit(false); // one read transaction: one snapshot for every query below
            try {
                return new Report(sinceMillis, nowMillis, peers(db, sinceMillis), gamers(db, sinceMillis),
                        types(db, sinceMillis), fees(db, sinceMillis));
            } finally {
                db.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the report from " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Report.PeerEarnings> peers(Connection db, long since) throws SQLException {
        List<Report.PeerEarnings> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT peer_id, count(*),"
                + " COALESCE(SUM(CASE WHEN status = 'pending' THEN peer_earning_nanos END), 0),"
                + " COALESCE(SUM(CASE WHEN status = 'granted' THEN peer_earning_nanos END), 0),"
                + " COALESCE(SUM(CASE WHEN status = 'forfeit' THEN 1 END), 0)"
                + " FROM ledger WHERE created_at >= ? GROUP BY peer_id ORDER BY peer_id")) {
            st.setLong(1, since);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Report.PeerEarnings(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return out;
    }

    private static List<Report.GamerSpending> gamers(Connection db, long since) throws SQLException {
        List<Report.GamerSpending> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT gamer_id, count(DISTINCT task_id), SUM(gamer_charge_nanos)"
                + " FROM ledger WHERE gamer_id IS NOT NULL AND created_at >= ? GROUP BY gamer_id ORDER BY gamer_id")) {
            st.setLong(1, since);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Report.GamerSpending(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    private static List<Report.TypeWork> types(Connection db, long since) throws SQLException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement("SELECT task_type, count(*),"
                + " SUM(status = 'completed'), SUM(status = 'cached'), SUM(status IN ('failed', 'timeout'))"
                + " FROM tasks WHERE submitted_at >= ? GROUP BY task_type ORDER BY task_type")) {
            st.setLong(1, since);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        }
        List<Report.TypeWork> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT r.processing_ms FROM runs r JOIN tasks t ON t.task_id = r.task_id"
                + " WHERE t.task_type = ? AND r.finished_at >= ? ORDER BY r.processing_ms")) {
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                st.setString(1, e.getKey());
                st.setLong(2, since);
                List<Double> ms = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ms.add(rs.getDouble(1));
                    }
                }
                long[] c = e.getValue();
                out.add(new Report.TypeWork(e.getKey(), c[0], c[1], c[2], c[3], ms.size(), rank(ms, 0.50), rank(ms, 0.99)));
            }
        }
        return out;
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least {@code q} of them at or below it. */
    static double rank(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static Report.Fees fees(Connection db, long since) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT COALESCE(SUM(gamer_charge_nanos), 0),"
                + " COALESCE(SUM(peer_earning_nanos), 0), COALESCE(SUM(fee_nanos), 0),"
                + " COALESCE(SUM(CASE WHEN fee_nanos < 0 THEN -fee_nanos ELSE 0 END), 0)"
                + " FROM ledger WHERE status <> 'forfeit' AND created_at >= ?")) {
            st.setLong(1, since);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Report.Fees(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }
}
