package io.p2c2r.coordinator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.p2c2r.coordinator.NetLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {
    private static final long S = 1_000_000_000L;
    private final NetLimits limits = NetLimits.defaults().withConnectionsPerAddress(2, false)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void aThirdConnectionFromOneAddress_isRefused_untilOneCloses() throws Exception {
        ConnectionTable<Object> t = new ConnectionTable<>(limits, 100);
        Object a = new Object();
        Object b = new Object();
        assertNull(t.admit(a, ip("203.0.113.7"), 0));
        assertNull(t.admit(b, ip("203.0.113.7"), 0));
        assertEquals(ConnectionTable.Verdict.ADDRESS_FULL, t.admit(new Object(), ip("203.0.113.7"), 0));
        assertNull(t.admit(new Object(), ip("203.0.113.8"), 0));
        t.closed(a);
        t.closed(a);
        assertEquals(1, t.fromAddress("203.0.113.7"));
        assertNull(t.admit(new Object(), ip("203.0.113.7"), 0));
        assertEquals(java.util.Map.of(ConnectionTable.Verdict.ADDRESS_FULL, 1), t.takeRefusals());
        assertEquals(java.util.Map.of(), t.takeRefusals());
    }

    @Test
    void loopback_isExemptFromTheAddressCap_unlessAsked_butNeverFromTheTotal() throws Exception {
        ConnectionTable<Object> t = new ConnectionTable<>(limits, 3);
        for (int i = 0; i < 3; i++) {
            assertNull(t.admit(new Object(), ip("127.0.0.1"), 0));
        }
        assertEquals(ConnectionTable.Verdict.FULL, t.admit(new Object(), ip("127.0.0.1"), 0));
        ConnectionTable<Object> strict = new ConnectionTable<>(limits.withConnectionsPerAddress(2, true), 100);
        strict.admit(new Object(), ip("127.0.0.1"), 0);
        strict.admit(new Object(), ip("127.0.0.1"), 0);
        assertEquals(ConnectionTable.Verdict.ADDRESS_FULL, strict.admit(new Object(), ip("127.0.0.1"), 0));
    }

    @Test
    void halfOpenAndUnregisteredConnections_areOverdue_afterTheirTimeouts() throws Exception {
        ConnectionTable<String> t = new ConnectionTable<>(limits, 100);
        t.admit("half-open", ip("203.0.113.1"), 0);
        t.admit("opened", ip("203.0.113.2"), 0);
        t.admit("registered", ip("203.0.113.3"), 0);
        t.admit("slow-frame", ip("203.0.113.4"), 0);
        t.get("opened").opened(1 * S);
        t.get("registered").opened(1 * S);
        t.get("registered").registered();
        t.get("slow-frame").opened(1 * S);
        t.get("slow-frame").registered();
        assertEquals(List.of(), t.overdue(5 * S, k -> Long.MAX_VALUE));
        List<ConnectionTable.Overdue<String>> at6 = t.overdue(6 * S, k -> k.equals("slow-frame") ? 5 * S : Long.MAX_VALUE);
        assertEquals(2, at6.size());
        for (ConnectionTable.Overdue<String> o : at6) {
            assertEquals(o.entry().key.equals("half-open") ? ConnectionTable.Verdict.NO_HANDSHAKE
                    : ConnectionTable.Verdict.FRAME_TOO_SLOW, o.why(), o.entry().key);
        }
        List<ConnectionTable.Overdue<String>> at12 = t.overdue(12 * S, k -> Long.MAX_VALUE);
        assertEquals(2, at12.size());
        assertEquals(1, at12.stream().filter(o -> o.why() == ConnectionTable.Verdict.NOT_REGISTERED).count());
    }
}
