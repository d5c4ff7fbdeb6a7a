package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The {@code runs} table: every completed run of a task, with its digest and verdict. Store thread only. */
public final class RunTable {
    private final Connection db;

    RunTable(Connection db) {
        this.db = db;
    }

    void insert(RunRow r) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO runs (run_id, task_id, peer_id, host, kind, result_sha256, work_units, processing_ms, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, r.runId());
            st.setString(2, r.taskId());
            st.setString(3, r.peerId());
            st.setString(4, r.host());
            st.setString(5, r.kind());
            st.setString(6, r.resultSha256());
            if (r.workUnits() == null) {
                st.setNull(7, Types.INTEGER);
            } else {
                st.setLong(7, r.workUnits());
            }
            st.setDouble(8, r.processingMs());
            st.setLong(9, r.finishedAt());
            st.executeUpdate();
        }
    }

    void verdict(String runId, String verdict) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("UPDATE runs SET verdict = ? WHERE run_id = ?")) {
            st.setString(1, verdict);
            st.setString(2, runId);
            st.executeUpdate();
        }
    }

    /** A task's completed runs in the order they finished. */
    List<RunRow> forTask(String taskId) throws SQLException {
        List<RunRow> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT run_id, task_id, peer_id, host, kind, result_sha256, work_units,"
                + " processing_ms, finished_at FROM runs WHERE task_id = ? ORDER BY finished_at, rowid")) {
            st.setString(1, taskId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long units = rs.getLong(7);
                    out.add(new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.wasNull() ? null : units, rs.getDouble(8), rs.getLong(9)));
                }
            }
        }
        return out;
    }
}
