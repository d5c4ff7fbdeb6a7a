package io.p2c2r.coordinator.store;

import io.p2c2r.coordinator.trust.TrustRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code trust} table: each peer's record per task type, so trust survives a restart. Store thread only. */
public final class TrustTable {
    private final Connection db;

    TrustTable(Connection db) {
        this.db = db;
    }

    /** Writes the record's current values (a copy taken on the event loop). */
    public void put(TrustRecord r) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO trust (peer_id, task_type, consecutive_agreed, agreed, disagreed, last_disagreed_at, day,"
                        + " started_today) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (peer_id, task_type) DO UPDATE SET"
                        + " consecutive_agreed = excluded.consecutive_agreed, agreed = excluded.agreed,"
                        + " disagreed = excluded.disagreed, last_disagreed_at = excluded.last_disagreed_at,"
                        + " day = excluded.day, started_today = excluded.started_today")) {
            st.setString(1, r.peerId);
            st.setString(2, r.taskType);
            st.setLong(3, r.consecutive());
            st.setLong(4, r.agreed());
            st.setLong(5, r.disagreed());
            st.setLong(6, r.lastDisagreedAt());
            st.setLong(7, r.day());
            st.setInt(8, r.startedToday());
            st.executeUpdate();
        }
    }

    List<TrustRecord> all() throws SQLException {
        List<TrustRecord> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT peer_id, task_type, consecutive_agreed, agreed, disagreed,"
                + " last_disagreed_at, day, started_today FROM trust");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new TrustRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getInt(8)));
            }
        }
        return out;
    }
}
