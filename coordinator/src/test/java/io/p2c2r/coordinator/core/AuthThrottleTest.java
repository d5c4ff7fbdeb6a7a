package io.p2c2r.coordinator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthThrottleTest {
    private static final long S = 1_000_000_000L;

    /** A clock that moves only when told. */
    private static final class ManualClock implements Clock {
        long nanos = 42 * S;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long millis() {
            return nanos / 1_000_000;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AuthThrottle throttle = new AuthThrottle(clock, false);

    private void fail(String id, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertNull(throttle.refusal("peer", id, address), "attempt " + i + " is checked");
            throttle.failed("peer", id, address);
        }
    }

    @Test
    void fiveWrongTokens_areFree_thenEachFailureDoublesTheBlock() {
        fail("p", "203.0.113.9", 5);
        assertNull(throttle.refusal("peer", "p", "203.0.113.9"));
        String line = throttle.failed("peer", "p", "203.0.113.9");
        assertEquals("Registration throttled: peer id 'p' failed 6 times; refused for 1 s (last attempt from 203.0.113.9)", line);
        assertEquals("too many failed registrations for peer id 'p'; try again in 1 s", throttle.refusal("peer", "p", "203.0.113.9"));
        assertNotNull(throttle.refusal("peer", "p", "198.51.100.1"), "the id is blocked from any address");
        assertNull(throttle.refusal("gamer", "p", "198.51.100.1"), "roles are separate identities");
        clock.nanos += S;
        assertNull(throttle.refusal("peer", "p", "203.0.113.9"), "one guess after the block");
        assertTrue(throttle.failed("peer", "p", "203.0.113.9").contains("refused for 2 s"));
        clock.nanos += 2 * S;
        throttle.failed("peer", "p", "203.0.113.9");
        assertEquals("too many failed registrations for peer id 'p'; try again in 4 s", throttle.refusal("peer", "p", "203.0.113.9"));
    }

    @Test
    void theBlockStopsGrowingAtFifteenMinutes() {
        fail("p", null, 5);
        String last = null;
        for (int i = 0; i < 40; i++) {
            clock.nanos += AuthThrottle.MAX_BLOCK_NANOS;
            last = throttle.failed("peer", "p", null);
        }
        assertTrue(last.contains("refused for 900 s"), last);
    }

    @Test
    void anAddressSprayingManyIds_isBlockedAfterTwenty() {
        for (int i = 0; i < 20; i++) {
            fail("id" + i, "203.0.113.5", 1);
        }
        assertTrue(throttle.failed("peer", "id20", "203.0.113.5").contains("address 203.0.113.5 failed 21 times"));
        assertEquals("too many failed registrations from 203.0.113.5; try again in 1 s", throttle.refusal("peer", "fresh", "203.0.113.5"));
        assertNull(throttle.refusal("peer", "fresh", "203.0.113.6"));
    }

    @Test
    void loopback_isNotThrottledAsAnAddress_unlessAsked_butItsIdsAre() {
        for (int i = 0; i < 30; i++) {
            fail("id" + i, "127.0.0.1", 1);
        }
        assertNull(throttle.refusal("peer", "fresh", "127.0.0.1"));
        fail("same", "127.0.0.1", 5);
        throttle.failed("peer", "same", "127.0.0.1");
        assertNotNull(throttle.refusal("peer", "same", "127.0.0.1"));
        AuthThrottle strict = new AuthThrottle(clock, true);
        for (int i = 0; i < 21; i++) {
            strict.failed("peer", "id" + i, "127.0.0.1");
        }
        assertNotNull(strict.refusal("peer", "fresh", "127.0.0.1"));
    }

    @Test
    void aBlockedId_isStillCheckedFromAnAddressItRegisteredFrom_butNotFromLoopback() {
        throttle.succeeded("peer", "home_peer", "198.51.100.20");
        fail("home_peer", "203.0.113.66", 6);
        assertNotNull(throttle.refusal("peer", "home_peer", "203.0.113.66"), "blocked for the stranger");
        assertNull(throttle.refusal("peer", "home_peer", "198.51.100.20"), "not at home");
        throttle.succeeded("peer", "tunnel_peer", "127.0.0.1");
        fail("tunnel_peer", "127.0.0.1", 6);
        assertNotNull(throttle.refusal("peer", "tunnel_peer", "127.0.0.1"), "loopback is everyone behind a tunnel");
    }

    @Test
    void aSuccessClearsTheId_andAnHourOfQuietForgetsIt() {
        fail("p", "203.0.113.9", 5);
        throttle.succeeded("peer", "p", "203.0.113.9");
        fail("p", "203.0.113.10", 5);
        assertNull(throttle.failed("peer", "q", "203.0.113.10"));
        throttle.failed("peer", "p", "203.0.113.10");
        assertNotNull(throttle.refusal("peer", "p", "203.0.113.10"));
        clock.nanos += AuthThrottle.FORGET_NANOS + S;
        assertNull(throttle.refusal("peer", "p", "203.0.113.10"));
        fail("p", "203.0.113.10", 5);
        assertNull(throttle.refusal("peer", "p", "203.0.113.10"), "counting started again from zero");
    }
}
