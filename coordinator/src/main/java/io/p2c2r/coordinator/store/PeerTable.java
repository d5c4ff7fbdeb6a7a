package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code peers} table: contributors, their token hashes and earnings (granted and pending). Store thread only. */
public final class PeerTable {
    private final Connection db;

    PeerTable(Connection db) {
        this.db = db;
    }

    public void create(String peerId, String tokenHash, long now) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO peers (peer_id, token_hash, created_at, last_seen) VALUES (?, ?, ?, ?)")) {
            st.setString(1, peerId);
            st.setString(2, tokenHash);
            st.setLong(3, now);
            st.setLong(4, now);
            st.executeUpdate();
        }
    }

    public void seen(String peerId, String platform, int cores, int slots, String softwareVersion, long now)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE peers SET last_seen = ?, platform = ?, cores = ?, slots = ?, software_version = ? WHERE peer_id = ?")) {
            st.setLong(1, now);
            st.setString(2, platform);
            st.setInt(3, cores);
            st.setInt(4, slots);
            st.setString(5, softwareVersion);
            st.setString(6, peerId);
            st.executeUpdate();
        }
    }

    /** Moves a peer's totals: earnings pending and granted, tasks completed and billed compute time. */
    void adjust(String peerId, long pendingDelta, long grantedDelta, int completedDelta, long billedMicrosDelta)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE peers SET pending_nanos = pending_nanos + ?, total_earned_nanos = total_earned_nanos + ?,"
                        + " tasks_completed = tasks_completed + ?, billed_micros = billed_micros + ? WHERE peer_id = ?")) {
            st.setLong(1, pendingDelta);
            st.setLong(2, grantedDelta);
            st.setInt(3, completedDelta);
            st.setLong(4, billedMicrosDelta);
            st.setString(5, peerId);
            st.executeUpdate();
        }
    }

    List<Account> all() throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT peer_id, token_hash, total_earned_nanos, tasks_completed, pending_nanos FROM peers");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Account(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return out;
    }
}
