package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks that a test network's books balance exactly, row by row and in total, against every account. */
final class Books {
    private Books() {}

    /** Answers a query's first column of its first row, against some database file. */
    @FunctionalInterface
    interface Sql {
        long queryLong(String sql) throws java.sql.SQLException;
    }

    static void assertBalanced(TestNetwork net) throws Exception {
        assertBalanced(net::queryLong);
    }

    /** As {@link #assertBalanced(TestNetwork)}, for a database the test reads directly (a child coordinator's). */
    static void assertBalanced(Sql net) throws Exception {
        assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE gamer_charge_nanos != peer_earning_nanos + fee_nanos"),
                "every row: charge = earning + fee");
        long charged = net.queryLong("SELECT COALESCE(SUM(gamer_charge_nanos), 0) FROM ledger");
        long earned = net.queryLong("SELECT COALESCE(SUM(peer_earning_nanos), 0) FROM ledger");
        long fees = net.queryLong("SELECT COALESCE(SUM(fee_nanos), 0) FROM ledger");
        assertEquals(charged, earned + fees);
        assertEquals(charged, net.queryLong("SELECT COALESCE(SUM(total_spent_nanos), 0) FROM gamers"),
                "what gamers spent is what the ledger charged");
        assertEquals(net.queryLong("SELECT COALESCE(SUM(peer_earning_nanos), 0) FROM ledger WHERE status = 'granted'"),
                net.queryLong("SELECT COALESCE(SUM(total_earned_nanos), 0) FROM peers"), "granted earnings");
        assertEquals(net.queryLong("SELECT COALESCE(SUM(peer_earning_nanos), 0) FROM ledger WHERE status = 'pending'"),
                net.queryLong("SELECT COALESCE(SUM(pending_nanos), 0) FROM peers"), "pending earnings");
        assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE status = 'forfeit' AND peer_earning_nanos <> 0"),
                "a forfeit row pays nothing");
    }
}
