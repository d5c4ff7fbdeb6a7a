package io.p2c2r.coordinator.store;

import io.p2c2r.common.money.Rates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The {@code ledger}: one row per billed task, balanced by a CHECK constraint. Store thread only. */
public final class LedgerTable {
    private final Connection db;

    LedgerTable(Connection db) {
        this.db = db;
    }

    void insert(String taskId, String gamerId, String peerId, Rates.Bill bill, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO ledger (task_id, gamer_id, peer_id, billed_micros, gamer_charge_nanos, peer_earning_nanos,"
                        + " fee_nanos, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, taskId);
            st.setString(2, gamerId);
            st.setString(3, peerId);
            st.setLong(4, bill.billedMicros());
            st.setLong(5, bill.gamerCharge().nanos());
            st.setLong(6, bill.peerEarning().nanos());
            st.setLong(7, bill.fee().nanos());
            st.setLong(8, now);
            st.executeUpdate();
        }
    }

    long totalFees() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(fee_nanos), 0) FROM ledger")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
