package io.p2c2r.coordinator.core;

/**
 * Time as the core reads it: a monotonic clock for deadlines and a wall clock for what is stored. Injected, so
 * that deadlines, trust and hold windows can be tested in memory without waiting. Implementations are thread-safe.
 */
public interface Clock {
    /** Monotonic nanoseconds, for durations only. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, for what is written to the database. */
    long millis();

    /** The system's clocks. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /** {@link Clock#system()}. */
    enum SystemClock implements Clock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    }
}
