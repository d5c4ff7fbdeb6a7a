package io.p2c2r.coordinator.net;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.Handshakedata;

/**
 * RFC 6455 as the library implements it, with a {@link FrameGuard} per connection that sees every frame
 * header first, and a bound on the size of the opening handshake. The server holds one template; the library
 * copies it for each connection ({@link #copyInstance}), and each copy gets its own guard. The library
 * calls a copy from its decoder thread; {@link #reset} (on close) may come from any thread.
 */
final class GuardedDraft extends Draft_6455 {
    /** Larger HTTP upgrade requests are refused; ours are about 250 bytes. */
    static final int MAX_HANDSHAKE_BYTES = 32 << 10;

    private final Supplier<FrameGuard> guards;
    private final FrameGuard guard;

    GuardedDraft(int maxFrameBytes, Supplier<FrameGuard> guards) {
        this(maxFrameBytes, guards, null);
    }

    private GuardedDraft(int maxFrameBytes, Supplier<FrameGuard> guards, FrameGuard guard) {
        super(Collections.emptyList(), maxFrameBytes);
        this.guards = guards;
        this.guard = guard;
    }

    /** This connection's guard; null on the server's template. */
    FrameGuard guard() {
        return guard;
    }

    @Override
    public Draft copyInstance() {
        return new GuardedDraft(getMaxFrameSize(), guards, guards.get());
    }

    @Override
    public Handshakedata translateHandshake(ByteBuffer buf) throws InvalidHandshakeException {
        if (buf.remaining() > MAX_HANDSHAKE_BYTES) {
            throw new InvalidHandshakeException("opening handshake over " + MAX_HANDSHAKE_BYTES + " bytes");
        }
        return super.translateHandshake(buf);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        if (guard != null) {
            guard.inspect(buffer);
        }
        return super.translateFrame(buffer);
    }

    @Override
    public void reset() {
        super.reset();
        if (guard != null) {
            guard.release();
        }
    }

    // Draft_6455 compares drafts by their settings; each connection's copy is its own.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
