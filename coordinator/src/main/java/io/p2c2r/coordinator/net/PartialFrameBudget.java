package io.p2c2r.coordinator.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of partly received frames that all connections together may make the server hold. The WebSocket
 * library allocates a frame's declared size when its header arrives, so each {@link FrameGuard} reserves here
 * first and a header that does not fit is refused before anything is allocated. Thread-safe.
 */
final class PartialFrameBudget {
    private final long max;
    private final AtomicLong used = new AtomicLong();

    PartialFrameBudget(long max) {
        this.max = max;
    }

    /** Takes {@code bytes} if they fit; false (taking nothing) if they do not. */
    boolean reserve(long bytes) {
        while (true) {
            long now = used.get();
            if (bytes > max - now) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long max() {
        return max;
    }
}
