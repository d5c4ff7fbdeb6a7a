package io.p2c2r.coordinator.net;

import java.nio.ByteBuffer;
import org.java_websocket.exceptions.LimitExceededException;

/**
 * Reads one connection's incoming WebSocket frame headers (RFC 6455 section 5.2) just before the library
 * does, to refuse a frame on its header: a message (all its fragments) over this connection's limit, or a
 * frame the library would have to hold in memory while its payload is still arriving when the
 * {@link PartialFrameBudget} has no room for it. The limit starts small and is raised when the connection
 * registers. The decoder thread calls {@link #inspect}; any thread may raise the limit or {@link #release}.
 */
final class FrameGuard {
    /** A frame still arriving after this, plus one second per {@link #MIN_RATE} bytes declared, is too slow. */
    static final long GRACE_NANOS = 30_000_000_000L;
    static final long MIN_RATE = 64 << 10;

    private final PartialFrameBudget budget;
    private final java.util.function.LongSupplier nanoTime;
    private volatile int limit;

    private final byte[] header = new byte[14];
    private int headerHave;
    private int headerNeed = 2;
    private long payloadLeft;
    private boolean control;
    private boolean fin;
    private long messageBytes;
    private long reserved;
    private long partialSinceNanos;
    private boolean released;

    FrameGuard(PartialFrameBudget budget, int limit, java.util.function.LongSupplier nanoTime) {
        this.budget = budget;
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Raises (or lowers) the largest message accepted from now on. */
    void allow(int bytes) {
        limit = bytes;
    }

    int limit() {
        return limit;
    }

    /**
     * Follows the frames in {@code buf} (from its position to its limit, without moving either) and throws
     * before the library allocates anything this connection may not have.
     */
    synchronized void inspect(ByteBuffer buf) throws LimitExceededException {
        if (released) {
            throw new LimitExceededException("connection closed", limit);
        }
        int pos = buf.position();
        int end = buf.limit();
        while (pos < end) {
            if (payloadLeft > 0) {
                long take = Math.min(payloadLeft, end - pos);
                pos += (int) take;
                payloadLeft -= take;
                if (payloadLeft == 0) {
                    frameDone();
                }
                continue;
            }
            header[headerHave++] = buf.get(pos++);
            if (headerHave == 2) {
                int len7 = header[1] & 0x7f;
                headerNeed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
            }
            if (headerHave == headerNeed) {
                headerDone(end - pos);
            }
        }
    }

    private void headerDone(int bytesAfterHeader) throws LimitExceededException {
        int len7 = header[1] & 0x7f;
        long length = len7 < 126 ? len7 : len7 == 126 ? ((header[2] & 0xffL) << 8) | (header[3] & 0xffL) : length64();
        headerHave = 0;
        headerNeed = 2;
        int opcode = header[0] & 0x0f;
        control = opcode >= 8;
        payloadLeft = length;
        if (!control) {
            fin = (header[0] & 0x80) != 0;
            long total = messageBytes + length;
            if (total > limit) {
                throw new LimitExceededException("a message of at least " + total + " bytes; this connection's limit is " + limit,
                        limit);
            }
            // The library keeps a frame beyond this call if its payload is not all here, or if more fragments follow.
            if (!fin || length > bytesAfterHeader) {
                if (!budget.reserve(length)) {
                    throw new LimitExceededException("the coordinator already holds its limit of " + budget.max()
                            + " bytes of partly received frames; try again later", limit);
                }
                reserved += length;
                if (partialSinceNanos == 0) {
                    partialSinceNanos = nanoTime.getAsLong();
                }
            }
            messageBytes = total;
        }
        if (length == 0) {
            frameDone();
        }
    }

    private long length64() {
        long v = 0;
        for (int i = 2; i < 10; i++) {
            v = (v << 8) | (header[i] & 0xffL);
        }
        return v < 0 ? Long.MAX_VALUE : v; // the top bit must be 0; treat a set one as "too big"
    }

    private void frameDone() {
        if (!control && fin) {
            budget.release(reserved);
            reserved = 0;
            messageBytes = 0;
            partialSinceNanos = 0;
        }
    }

    /** When the message now arriving must be complete; {@code Long.MAX_VALUE} if none is held. */
    synchronized long partialDeadlineNanos() {
        return partialSinceNanos == 0 ? Long.MAX_VALUE : partialSinceNanos + GRACE_NANOS + messageBytes * 1_000_000_000L / MIN_RATE;
    }

    /** Gives back what this connection holds and refuses any further frame; idempotent. */
    synchronized void release() {
        budget.release(reserved);
        reserved = 0;
        released = true;
    }

    synchronized long reserved() {
        return reserved;
    }
}
