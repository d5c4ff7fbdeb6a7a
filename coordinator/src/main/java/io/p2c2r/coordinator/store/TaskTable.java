package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/** The {@code tasks} table: every submitted task and its fate. Store thread only. */
public final class TaskTable {
    private final Connection db;

    TaskTable(Connection db) {
        this.db = db;
    }

    public void insert(TaskRow row) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO tasks (task_id, request_id, gamer_id, task_type, algorithm_version, cache_key, data, status,"
                        + " submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'lookup', ?)")) {
            st.setString(1, row.taskId());
            st.setString(2, row.requestId());
            st.setString(3, row.gamerId());
            st.setString(4, row.taskType());
            st.setString(5, row.algorithmVersion());
            st.setString(6, row.cacheKey());
            st.setString(7, row.data());
            st.setLong(8, row.submittedAt());
            st.executeUpdate();
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
