package io.p2c2r.coordinator.net;

/**
 * A token bucket: {@code perSecond} messages a second on average, up to {@code burst} at once. The caller
 * passes the time, so that tests need not wait. Tokens are counted in billionths, in integers, so that
 * refills add up exactly. Thread-safe.
 */
final class RateLimiter {
    private static final long ONE = 1_000_000_000L;

    private final long perSecond;
    private final long capacity;
    private long tokens;
    private long lastNanos;

    RateLimiter(int perSecond, int burst, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = burst * ONE;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes one token; false if the bucket is empty. */
    synchronized boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            // perSecond tokens a second is perSecond billionths of a token a nanosecond.
            tokens = elapsed >= capacity / perSecond ? capacity : Math.min(capacity, tokens + elapsed * perSecond);
            lastNanos = nowNanos;
        }
        if (tokens < ONE) {
            return false;
        }
        tokens -= ONE;
        return true;
    }
}
