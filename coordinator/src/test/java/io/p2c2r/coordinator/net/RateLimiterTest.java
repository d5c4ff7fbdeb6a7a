package io.p2c2r.coordinator.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void aBurstIsAllowed_thenTheSustainedRate() {
        RateLimiter r = new RateLimiter(100, 200, 0);
        for (int i = 0; i < 200; i++) {
            assertTrue(r.tryTake(0), "message " + i + " of the burst");
        }
        assertFalse(r.tryTake(0));
        // 100 per second: one token every 10 ms.
        assertFalse(r.tryTake(9_000_000));
        assertTrue(r.tryTake(10_000_000));
        assertFalse(r.tryTake(10_000_000));
        // A long pause refills to the burst, no further.
        long later = 60_000_000_000L;
        for (int i = 0; i < 200; i++) {
            assertTrue(r.tryTake(later));
        }
        assertFalse(r.tryTake(later));
    }
}
