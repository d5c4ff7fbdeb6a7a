package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code gamers} table: renters, their token hashes and spending. Store thread only. */
public final class GamerTable {
    private final Connection db;

    GamerTable(Connection db) {
        this.db = db;
    }

    public void create(String gamerId, String tokenHash, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO gamers (gamer_id, token_hash, created_at, last_seen) VALUES (?, ?, ?, ?)")) {
            st.setString(1, gamerId);
            st.setString(2, tokenHash);
            st.setLong(3, now);
            st.setLong(4, now);
            st.executeUpdate();
        }
    }

    public void seen(String gamerId, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("UPDATE gamers SET last_seen = ? WHERE gamer_id = ?")) {
            st.setLong(1, now);
            st.setString(2, gamerId);
            st.executeUpdate();
        }
    }

    void submitted(String gamerId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE gamers SET tasks_submitted = tasks_submitted + 1 WHERE gamer_id = ?")) {
            st.setString(1, gamerId);
            st.executeUpdate();
        }
    }

    /** Moves a gamer's spending by {@code nanos} (negative for a refund) and its completed count. */
    void charge(String gamerId, long nanos, int completedDelta) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE gamers SET tasks_completed = tasks_completed + ?, total_spent_nanos = total_spent_nanos + ?"
                        + " WHERE gamer_id = ?")) {
            st.setInt(1, completedDelta);
            st.setLong(2, nanos);
            st.setString(3, gamerId);
            st.executeUpdate();
        }
    }

    List<Account> all() throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT gamer_id, token_hash, total_spent_nanos, tasks_completed FROM gamers");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Account(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), 0));
            }
        }
        return out;
    }
}
