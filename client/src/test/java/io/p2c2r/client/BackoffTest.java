package io.p2c2r.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reconnection delays double from the first step to the cap, each drawn from the upper half of its step. */
class BackoffTest {
    private final Backoff backoff = new Backoff(250, 15_000);

    @Test
    void delays_doubleFromTheFirstStep_upToTheCap() {
        // random 1.0 gives the top of each step: 250, 500, 1000, ... until 16,000 > 15,000 is capped.
        long[] top = {250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000};
        for (int attempt = 0; attempt < top.length; attempt++) {
            assertEquals(top[attempt], backoff.delayMs(attempt, () -> 1.0), "attempt " + attempt);
        }
        assertEquals(15_000, backoff.delayMs(10_000, () -> 1.0), "a very long outage stays at the cap");
    }

    @Test
    void jitter_spansTheUpperHalfOfEachStep() {
        assertEquals(125, backoff.delayMs(0, () -> 0.0));
        assertEquals(1_500, backoff.delayMs(3, () -> 0.5));
        assertEquals(7_500, backoff.delayMs(9, () -> 0.0));
    }

    @Test
    void badSettings_areRefused_namingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10));
        assertEquals("backoff firstMs 0 and capMs 10 need 1 <= firstMs <= capMs", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Backoff(100, 50));
        assertThrows(IllegalArgumentException.class, () -> backoff.delayMs(-1, () -> 0.0));
    }
}
