package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ledger}: one row per completed run, balanced by a CHECK constraint, pending until settled by a
 * check or granted when its hold window passes. Store thread only.
 */
public final class LedgerTable {
    private final Connection db;

    LedgerTable(Connection db) {
        this.db = db;
    }

    void insert(LedgerRow r) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO ledger (run_id, task_id, gamer_id, peer_id, kind, work_units, billed_micros, gamer_charge_nanos,"
                        + " peer_earning_nanos, fee_nanos, status, hold_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " 'pending', ?, ?)")) {
            st.setString(1, r.runId());
            st.setString(2, r.taskId());
            st.setString(3, r.gamerId());
            st.setString(4, r.peerId());
            st.setString(5, r.kind());
            if (r.workUnits() == null) {
                st.setNull(6, java.sql.Types.INTEGER);
            } else {
                st.setLong(6, r.workUnits());
            }
            st.setLong(7, r.billedMicros());
            st.setLong(8, r.chargeNanos());
            st.setLong(9, r.earningNanos());
            st.setLong(10, r.feeNanos());
            st.setLong(11, r.holdUntil());
            st.setLong(12, r.createdAt());
            st.executeUpdate();
        }
    }

    /** Puts the gamer's charge on a pending row (its fee follows: charge minus earning). */
    void recharge(String runId, long chargeNanos) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("UPDATE ledger SET gamer_charge_nanos = ?,"
                + " fee_nanos = ? - peer_earning_nanos WHERE run_id = ? AND status = 'pending'")) {
            st.setLong(1, chargeNanos);
            st.setLong(2, chargeNanos);
            st.setString(3, runId);
            st.executeUpdate();
        }
    }

    /** Writes a check's outcome: each run's final amounts and status; only pending rows change. */
    void settle(List<SettledShare> shares, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE ledger SET gamer_charge_nanos = ?, peer_earning_nanos = ?, fee_nanos = ?, status = ?, settled_at = ?,"
                        + " hold_until = CASE WHEN ? = 'pending' THEN ? ELSE hold_until END"
                        + " WHERE run_id = ? AND status = 'pending'")) {
            for (SettledShare s : shares) {
                st.setLong(1, s.chargeNanos());
                st.setLong(2, s.earningNanos());
                st.setLong(3, s.feeNanos());
                st.setString(4, s.status());
                st.setLong(5, now);
                st.setString(6, s.status());
                st.setLong(7, now);
                st.setString(8, s.runId());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Grants pending rows whose hold window has passed; returns the granted nano-dollars by peer. */
    Map<String, Long> grantDue(long now) throws SQLException {
        Map<String, Long> byPeer = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement("SELECT peer_id, SUM(peer_earning_nanos) FROM ledger"
                + " WHERE status = 'pending' AND hold_until <= ? GROUP BY peer_id")) {
            st.setLong(1, now);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byPeer.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        if (!byPeer.isEmpty()) {
            try (PreparedStatement st = db.prepareStatement("UPDATE ledger SET status = 'granted', settled_at = ?"
                    + " WHERE status = 'pending' AND hold_until <= ?")) {
                st.setLong(1, now);
                st.setLong(2, now);
                st.executeUpdate();
            }
        }
        return byPeer;
    }

    /** Rows held for a check that will not resume (the task was not reloaded): they wait out a normal hold. */
    int releaseHolds(long holdMillis, java.util.Set<String> keepTaskIds) throws SQLException {
        int released = 0;
        try (PreparedStatement select = db.prepareStatement(
                "SELECT DISTINCT task_id FROM ledger WHERE status = 'pending' AND hold_until = ?");
             PreparedStatement update = db.prepareStatement(
                     "UPDATE ledger SET hold_until = created_at + ? WHERE task_id = ? AND status = 'pending' AND hold_until = ?")) {
            select.setLong(1, LedgerRow.HELD);
            List<String> tasks = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    tasks.add(rs.getString(1));
                }
            }
            for (String taskId : tasks) {
                if (keepTaskIds.contains(taskId)) {
                    continue;
                }
                update.setLong(1, holdMillis);
                update.setString(2, taskId);
                update.setLong(3, LedgerRow.HELD);
                released += update.executeUpdate();
            }
        }
        return released;
    }

    /** Net fee revenue (sum of fees, audit costs subtracted) and audit costs (earnings the coordinator funded). */
    long[] feeTotals() throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT COALESCE(SUM(fee_nanos), 0),"
                + " COALESCE(SUM(CASE WHEN fee_nanos < 0 THEN -fee_nanos ELSE 0 END), 0) FROM ledger WHERE status <> 'forfeit'");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
        }
    }

    /** What the gamer was charged for a task, over all its rows and, for a split render, its tiles' rows. */
    public long chargeOf(String taskId) throws SQLException {
        return chargeOf(taskId, true);
    }

    /**
     * What the gamer was charged on the task's own rows, and with {@code tiles} on its tiles' too: a split render's
     * tiles are tasks named {@code <render>.t<i>}, and the render costs what its tiles cost.
     */
    public long chargeOf(String taskId, boolean tiles) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT COALESCE(SUM(gamer_charge_nanos), 0) FROM ledger WHERE task_id = ?"
                + (tiles ? " OR (task_id > ? AND task_id < ?)" : ""))) {
            st.setString(1, taskId);
            if (tiles) {
                st.setString(2, taskId + ".t");
                st.setString(3, taskId + ".u");
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** A pending row's provisional amounts (for reloading an open check): charge, earning, billed micros. */
    long[] amounts(String runId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT gamer_charge_nanos, peer_earning_nanos, billed_micros FROM ledger WHERE run_id = ?")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)} : null;
            }
        }
    }
}
