package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.GamerTaskResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * Checks a database against what clients were told: every completion a gamer received is stored as completed and
 * billed exactly once (what the gamer was told it cost), and no request id ran or was billed twice.
 */
final class Delivered {
    private Delivered() {}

    static void assertStoredAndBilledOnce(Path database, String gamerId, Collection<GamerTaskResult> told) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement task = db.prepareStatement("SELECT status, request_id, gamer_id FROM tasks WHERE task_id = ?");
             PreparedStatement billed = db.prepareStatement(
                     "SELECT COUNT(*), COALESCE(SUM(gamer_charge_nanos), 0) FROM ledger WHERE task_id = ? AND kind = 'primary'")) {
            for (GamerTaskResult r : told) {
                task.setString(1, r.taskId());
                try (ResultSet rs = task.executeQuery()) {
                    assertTrue(rs.next(), r.taskId() + " (" + r.requestId() + ") was told completed but has no task row");
                    assertEquals("completed", rs.getString(1), r.taskId() + " was told completed");
                    assertEquals(r.requestId(), rs.getString(2), r.taskId() + "'s request_id");
                    assertEquals(gamerId, rs.getString(3), r.taskId() + "'s gamer");
                }
                billed.setString(1, r.taskId());
                try (ResultSet rs = billed.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getLong(1), r.taskId() + " is billed once");
                    assertEquals(r.costNanos(), rs.getLong(2), r.taskId() + " costs what the gamer was told");
                }
            }
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT 1 FROM tasks WHERE status = 'completed'"
                    + " GROUP BY gamer_id, request_id HAVING COUNT(*) > 1)"), "a request id completed twice");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT 1 FROM ledger l JOIN tasks t ON t.task_id = l.task_id"
                    + " WHERE l.gamer_charge_nanos > 0 GROUP BY t.gamer_id, t.request_id HAVING COUNT(DISTINCT t.task_id) > 1)"),
                    "a request id billed on two tasks");
        }
    }

    static String integrityCheck(Path database) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
            return out.toString().strip();
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
