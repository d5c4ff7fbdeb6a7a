package io.p2c2r.client;

import java.util.function.DoubleSupplier;

/**
 * How long a client waits before its next reconnection attempt: exponential from {@code firstMs}, capped at
 * {@code capMs}, each delay drawn uniformly from its upper half (jitter), so that many clients dropped by one
 * coordinator restart do not all come back in the same millisecond. Immutable; thread-safe.
 */
record Backoff(long firstMs, long capMs) {
    static final Backoff DEFAULT = new Backoff(250, 15_000);

    Backoff {
        if (firstMs < 1 || capMs < firstMs) {
            throw new IllegalArgumentException("backoff firstMs " + firstMs + " and capMs " + capMs
                    + " need 1 <= firstMs <= capMs");
        }
    }

    /**
     * The delay before attempt {@code attempt} (0 for the first after a loss).
     *
     * @param attempt how many attempts failed since the connection was lost, 0 or more
     * @param random  a uniform draw in [0, 1)
     * @return milliseconds, in [ceiling / 2, ceiling] where ceiling = min(capMs, firstMs * 2^attempt)
     */
    long delayMs(int attempt, DoubleSupplier random) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt " + attempt + " must be 0 or more");
        }
        long ceiling = attempt >= 62 || firstMs << attempt > capMs || firstMs << attempt <= 0 ? capMs : firstMs << attempt;
        return ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2));
    }
}
