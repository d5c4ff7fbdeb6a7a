package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The {@code tasks} table: every submitted task and its fate. Store thread only. */
public final class TaskTable {
    private final Connection db;

    TaskTable(Connection db) {
        this.db = db;
    }

    public void insert(TaskRow row) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO tasks (task_id, request_id, gamer_id, task_type, algorithm_version, cache_key, data, status,"
                        + " submitted_at, verify_mode) VALUES (?, ?, ?, ?, ?, ?, ?, 'lookup', ?, ?)")) {
            st.setString(1, row.taskId());
            st.setString(2, row.requestId());
            st.setString(3, row.gamerId());
            st.setString(4, row.taskType());
            st.setString(5, row.algorithmVersion());
            st.setString(6, row.cacheKey());
            st.setString(7, row.data());
            st.setLong(8, row.submittedAt());
            st.setString(9, row.verifyMode());
            st.executeUpdate();
        }
    }

    /** Remembers which task a gamer's request id names (the latest, if the id was used before). */
    void request(String gamerId, String requestId, String taskId, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("INSERT INTO requests (gamer_id, request_id, task_id, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (gamer_id, request_id) DO UPDATE SET task_id = excluded.task_id,"
                + " created_at = excluded.created_at")) {
            st.setString(1, gamerId);
            st.setString(2, requestId);
            st.setString(3, taskId);
            st.setLong(4, now);
            st.executeUpdate();
        }
    }

    /** The task a gamer's request id named, if it is still remembered. */
    public java.util.Optional<String> requested(String gamerId, String requestId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT task_id FROM requests WHERE gamer_id = ? AND request_id = ?")) {
            st.setString(1, gamerId);
            st.setString(2, requestId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    /** Forgets request ids older than {@code before}; returns how many. */
    public int purgeRequests(long before) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("DELETE FROM requests WHERE created_at < ?")) {
            st.setLong(1, before);
            return st.executeUpdate();
        }
    }

    /** Records a state change; {@code finishedAt} null while the task is still open. */
    public void update(String taskId, String status, String peerId, int attempts, Long finishedAt,
                       Double processingMs, String errorCode, String error) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE tasks SET status = ?, peer_id = ?, attempts = ?, finished_at = ?, processing_ms = ?,"
                        + " error_code = ?, error = ? WHERE task_id = ?")) {
            st.setString(1, status);
            st.setString(2, peerId);
            st.setInt(3, attempts);
            setNullable(st, 4, finishedAt);
            if (processingMs == null) {
                st.setNull(5, Types.REAL);
            } else {
                st.setDouble(5, processingMs);
            }
            st.setString(6, errorCode);
            st.setString(7, error);
            st.setString(8, taskId);
            st.executeUpdate();
        }
    }

    /** Records how far the task's result was checked, its digest, and whether a correction replaced it. */
    public void verification(String taskId, String verification, String resultSha256, boolean corrected) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE tasks SET verification = ?, result_sha256 = ?, corrected = corrected OR ? WHERE task_id = ?")) {
            st.setString(1, verification);
            st.setString(2, resultSha256);
            st.setBoolean(3, corrected);
            st.setString(4, taskId);
            st.executeUpdate();
        }
    }

    /** What a {@code get_task} needs of a task, if it exists. */
    public java.util.Optional<StoredTask> find(String taskId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT task_id, request_id, gamer_id, task_type, cache_key, status,"
                + " verification, result_sha256, corrected, error_code, error, peer_id, attempts, processing_ms FROM tasks"
                + " WHERE task_id = ?")) {
            st.setString(1, taskId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                double ms = rs.getDouble(14);
                Double processingMs = rs.wasNull() ? null : ms;
                return java.util.Optional.of(new StoredTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13), processingMs));
            }
        }
    }

    /** Tasks whose check was under way when the coordinator stopped, newest first, at most {@code limit}. */
    List<TaskRow> pendingChecks(long since, int limit) throws SQLException {
        List<TaskRow> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT task_id, request_id, gamer_id, task_type, algorithm_version,"
                + " cache_key, data, submitted_at, verify_mode FROM tasks WHERE verification = 'pending' AND submitted_at >= ?"
                + " ORDER BY submitted_at DESC LIMIT ?")) {
            st.setLong(1, since);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** Gives up the checks of pending tasks older than {@code before}: they stand unchecked. */
    int abandonChecks(long before) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE tasks SET verification = 'unchecked' WHERE verification = 'pending' AND submitted_at < ?")) {
            st.setLong(1, before);
            return st.executeUpdate();
        }
    }

    /** Marks tasks left open by a previous run (the coordinator stopped under them); returns how many. */
    int interruptOpen(long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE tasks SET status = 'interrupted', finished_at = ?, error_code = 'interrupted',"
                        + " error = 'the coordinator stopped before this task finished'"
                        + " WHERE status IN ('lookup', 'queued', 'running')")) {
            st.setLong(1, now);
            return st.executeUpdate();
        }
    }

    long count() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tasks")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void setNullable(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setLong(index, value);
        }
    }
}
