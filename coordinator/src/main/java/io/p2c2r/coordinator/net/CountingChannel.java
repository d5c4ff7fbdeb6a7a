package io.p2c2r.coordinator.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.AbstractWrappedByteChannel;
import org.java_websocket.WrappedByteChannel;

/**
 * A connection's socket channel that counts the bytes written to the network, so that {@link Link} knows
 * how much it has queued that the client has not yet taken, without reading the library's internal queue.
 * Written by the selector thread, read by any; the count is atomic.
 */
final class CountingChannel extends AbstractWrappedByteChannel {
    private final AtomicLong written = new AtomicLong();

    CountingChannel(ByteChannel inner) {
        super(inner);
    }

    CountingChannel(WrappedByteChannel inner) {
        super(inner);
    }

    static CountingChannel wrap(ByteChannel inner) {
        return inner instanceof WrappedByteChannel w ? new CountingChannel(w) : new CountingChannel(inner);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = super.write(src);
        if (n > 0) {
            written.addAndGet(n);
        }
        return n;
    }

    long written() {
        return written.get();
    }
}
