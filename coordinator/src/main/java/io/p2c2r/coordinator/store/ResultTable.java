package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code results} table, which doubles as the 24-hour result cache. Only {@code verified} and
 * {@code trusted} rows are served; a {@code pending} row waits for its check and never replaces a servable
 * one, while a verified row replaces whatever was there (that is how a correction reaches the cache).
 * Store thread only.
 */
public final class ResultTable {
    private static final String SERVABLE = "('verified', 'trusted')";
    private final Connection db;

    ResultTable(Connection db) {
        this.db = db;
    }

    void put(CacheEntry e) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO results (cache_key, task_id, task_type, algorithm_version, result, processing_ms, peer_id,"
                        + " created_at, expires_at, verification, result_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (cache_key) DO UPDATE SET task_id = excluded.task_id, result = excluded.result,"
                        + " processing_ms = excluded.processing_ms, peer_id = excluded.peer_id, created_at = excluded.created_at,"
                        + " expires_at = excluded.expires_at, verification = excluded.verification,"
                        + " result_sha256 = excluded.result_sha256, algorithm_version = excluded.algorithm_version"
                        + " WHERE results.verification NOT IN " + SERVABLE + " OR excluded.verification = 'verified'"
                        + " OR results.expires_at <= excluded.created_at")) {
            st.setString(1, e.cacheKey());
            st.setString(2, e.taskId());
            st.setString(3, e.taskType());
            st.setString(4, e.version());
            st.setString(5, e.result());
            st.setDouble(6, e.processingMs());
            st.setString(7, e.peerId());
            st.setLong(8, e.now());
            st.setLong(9, e.expiresAt());
            st.setString(10, e.verification());
            st.setString(11, e.resultSha256());
            st.executeUpdate();
        }
    }

    /** The unexpired servable result for {@code cacheKey}, if any. */
    public Optional<CachedResult> find(String cacheKey, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT task_id, result, processing_ms, peer_id, expires_at, verification, result_sha256 FROM results"
                        + " WHERE cache_key = ? AND expires_at > ? AND verification IN " + SERVABLE)) {
            st.setString(1, cacheKey);
            st.setLong(2, now);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CachedResult(cacheKey, rs.getString(1), rs.getString(2), rs.getDouble(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7)));
            }
        }
    }

    /** The stored result text with this digest under {@code cacheKey}, whatever its verification, if still kept. */
    public Optional<String> text(String cacheKey, String sha256) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT result FROM results WHERE cache_key = ? AND result_sha256 = ?")) {
            st.setString(1, cacheKey);
            st.setString(2, sha256);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Takes a result found wrong out of service (unless a verified one already replaced it). */
    void withdraw(String cacheKey, String sha256, String verification) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE results SET verification = ? WHERE cache_key = ? AND result_sha256 = ? AND verification <> 'verified'")) {
            st.setString(1, verification);
            st.setString(2, cacheKey);
            st.setString(3, sha256);
            st.executeUpdate();
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
