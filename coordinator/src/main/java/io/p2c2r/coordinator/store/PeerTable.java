package io.p2c2r.coordinator.store;

import io.p2c2r.common.money.Rates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code peers} table: contributors, their token hashes and earnings. Store thread only. */
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

    void credit(String peerId, Rates.Bill bill) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE peers SET tasks_completed = tasks_completed + 1, total_earned_nanos = total_earned_nanos + ?,"
                        + " billed_micros = billed_micros + ? WHERE peer_id = ?")) {
            st.setLong(1, bill.peerEarning().nanos());
            st.setLong(2, bill.billedMicros());
            st.setString(3, peerId);
            st.executeUpdate();
        }
    }

    List<Account> all() throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT peer_id, token_hash, total_earned_nanos, tasks_completed FROM peers");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Account(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return out;
    }
}
