package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code results} table, which doubles as the 24-hour result cache. Store thread only. */
public final class ResultTable {
    private final Connection db;

    ResultTable(Connection db) {
        this.db = db;
    }

    void put(String cacheKey, String taskId, String taskType, String version, String result, double processingMs,
             String peerId, long now, long expiresAt) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT OR REPLACE INTO results (cache_key, task_id, task_type, algorithm_version, result, processing_ms,"
                        + " peer_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, cacheKey);
            st.setString(2, taskId);
            st.setString(3, taskType);
            st.setString(4, version);
            st.setString(5, result);
            st.setDouble(6, processingMs);
            st.setString(7, peerId);
            st.setLong(8, now);
            st.setLong(9, expiresAt);
            st.executeUpdate();
        }
    }

    /** The unexpired result for {@code cacheKey}, if any. */
    public Optional<CachedResult> find(String cacheKey, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT task_id, result, processing_ms, peer_id, expires_at FROM results WHERE cache_key = ? AND expires_at > ?")) {
            st.setString(1, cacheKey);
            st.setLong(2, now);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CachedResult(cacheKey, rs.getString(1), rs.getString(2), rs.getDouble(3),
                        rs.getString(4), rs.getLong(5)));
            }
        }
    }

    /** Deletes expired results; returns how many. */
    public int purgeExpired(long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("DELETE FROM results WHERE expires_at <= ?")) {
            st.setLong(1, now);
            return st.executeUpdate();
        }
    }
}
