package io.p2c2r.coordinator.net;

import io.p2c2r.coordinator.core.Channel;
import io.p2c2r.coordinator.core.CloseReason;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;

/**
 * One client connection's outgoing side, the {@link Channel} the core writes to. Sends refuse to buffer more
 * than a bound for a client that does not read: such a connection is dropped instead, so a slow reader
 * cannot grow the coordinator's memory. What is buffered is what this link queued minus what the
 * {@link CountingChannel} under it wrote. Thread-safe.
 */
public final class Link implements Channel {
    private final WebSocket socket;
    private final long maxBufferedBytes;
    private final String remote;
    private final String remoteHost;
    private final AtomicLong queued = new AtomicLong();
    private final Consumer<String> onRegistered;

    /** {@code onRegistered} hears the role once the core has accepted the registration. */
    public Link(WebSocket socket, long maxBufferedBytes, Consumer<String> onRegistered) {
        this.socket = socket;
        this.maxBufferedBytes = maxBufferedBytes;
        this.onRegistered = onRegistered;
        InetSocketAddress address = socket.getRemoteSocketAddress();
        this.remoteHost = address == null ? "unknown" : address.getAddress().getHostAddress();
        this.remote = address == null ? "unknown" : remoteHost + ":" + address.getPort();
    }

    @Override
    public String remote() {
        return remote;
    }

    @Override
    public String remoteHost() {
        return remoteHost;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Sends a text frame; returns false (and drops the connection) when the client is too far behind. */
    @Override
    public boolean send(String text) {
        if (!socket.isOpen()) {
            return false;
        }
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        long buffered = buffered();
        if (buffered + payload.length > maxBufferedBytes) {
            // A close handshake would queue behind the backlog and never finish: drop the connection now,
            // which frees the queued bytes.
            socket.closeConnection(CloseFrame.POLICY_VALIDATION, "too slow: " + buffered + " bytes unread by the client");
            return false;
        }
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        frame.setFin(true);
        try {
            queued.addAndGet(payload.length + headerBytes(payload.length));
            socket.sendFrame(frame);
            return true;
        } catch (RuntimeException e) {
            // The socket closed between the check and the send; onClose will clean up.
            return false;
        }
    }

    @Override
    public void registered(String role) {
        onRegistered.accept(role);
    }

    @Override
    public void close(CloseReason reason, String detail) {
        String text = detail.length() > 120 ? detail.substring(0, 120) : detail;
        if (reason == CloseReason.TOO_SLOW) {
            socket.closeConnection(code(reason), text);
        } else {
            socket.close(code(reason), text);
        }
    }

    /** The WebSocket close code for a core reason. */
    static int code(CloseReason reason) {
        return switch (reason) {
            case GOING_AWAY -> CloseFrame.GOING_AWAY;
            case POLICY, TOO_SLOW -> CloseFrame.POLICY_VALIDATION;
            case TRY_AGAIN_LATER -> CloseFrame.TRY_AGAIN_LATER;
        };
    }

    /**
     * Bytes queued here and not yet written to the network. Control frames (pings, pongs, close) and the
     * handshake are written but never counted as queued, so the figure can only err low, by a few bytes per
     * control frame; it is clamped at zero.
     */
    long buffered() {
        if (!(socket instanceof WebSocketImpl impl && impl.getChannel() instanceof CountingChannel c)) {
            return 0; // not yet wired to its channel: nothing can have been queued through this link
        }
        return Math.max(0, queued.get() - c.written());
    }

    /** A server's frame header is unmasked: 2 bytes, plus 2 or 8 for the extended length. */
    private static int headerBytes(int length) {
        return length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
    }
}
