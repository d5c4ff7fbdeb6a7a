package io.p2c2r.tools;

import java.util.function.DoubleSupplier;

/**
 * One direction of a network path, as a TCP stream sees it: a one-way delay, a throughput cap, and loss.
 * Loss on TCP is not missing bytes but a stall: the lost segment is sent again, and everything behind it
 * waits (the stream is in order). Each chunk of {@code n} bytes holds {@code k = ceil(n / 1448)} segments,
 * each lost with probability {@code loss}; at most one loss per chunk is modelled. A lost segment with at
 * least three segments after it in the chunk draws three duplicate ACKs and is repaired by fast retransmit,
 * one RTT later; any other loss (a short message, the tail of a long one) waits for the retransmission
 * timer or tail-loss probe, taken as {@code max(200 ms, 2 RTT)} (Linux's minimum RTO is 200 ms). The chunk,
 * and all that follows it in that direction, leaves that much later. Immutable; {@link #release} is pure.
 */
record LinkModel(long oneWayNanos, double loss, long bytesPerSecond, long rtoNanos) {
    /** Segments after a lost one that make fast retransmit possible. */
    static final int DUPLICATE_ACKS = 3;
    static final int SEGMENT_BYTES = 1448;

    LinkModel {
        if (oneWayNanos < 0 || loss < 0 || loss >= 1 || bytesPerSecond < 0 || rtoNanos < 0) {
            throw new IllegalArgumentException("link: one-way " + oneWayNanos + " ns, loss " + loss + ", "
                    + bytesPerSecond + " B/s, rto " + rtoNanos + " ns: delays and rates must be >= 0, loss in [0, 1)");
        }
    }

    /** A path with round-trip time {@code rttMillis} (half each way), loss per segment, and a cap (0: none). */
    static LinkModel of(double rttMillis, double loss, long bytesPerSecond) {
        long rtt = (long) (rttMillis * 1_000_000);
        return new LinkModel(rtt / 2, loss, bytesPerSecond, Math.max(200_000_000L, 2 * rtt));
    }

    /**
     * When a chunk of {@code bytes} read at {@code readNanos} is delivered, if the chunk before it was
     * delivered at {@code previousNanos}; {@code random} draws from [0, 1) (twice when the chunk is lost).
     */
    long release(long readNanos, long previousNanos, int bytes, DoubleSupplier random) {
        long at = Math.max(readNanos + oneWayNanos, previousNanos);
        if (bytesPerSecond > 0) {
            at += bytes * 1_000_000_000L / bytesPerSecond;
        }
        int segments = Math.max(1, (bytes + SEGMENT_BYTES - 1) / SEGMENT_BYTES);
        double lostChunk = 1 - Math.pow(1 - loss, segments);
        if (loss > 0 && random.getAsDouble() < lostChunk) {
            int lostAt = (int) (random.getAsDouble() * segments); // which segment, 0-based
            boolean fastRetransmit = segments - 1 - lostAt >= DUPLICATE_ACKS;
            at += fastRetransmit ? 2 * oneWayNanos : rtoNanos;
        }
        return at;
    }
}
