package io.p2c2r.coordinator.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;

/**
 * One client connection's outgoing side. Sends refuse to buffer more than a bound for a client that does
 * not read: such a connection is closed instead, so a slow reader cannot grow the coordinator's memory.
 * Thread-safe (Java-WebSocket's send is).
 */
public final class Link {
    private final WebSocket socket;
    private final long maxBufferedBytes;
    private final String remote;

    public Link(WebSocket socket, long maxBufferedBytes) {
        this.socket = socket;
        this.maxBufferedBytes = maxBufferedBytes;
        InetSocketAddress address = socket.getRemoteSocketAddress();
        this.remote = address == null ? "unknown" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The address this connection comes from, as the server sees it (a tunnel's, behind ngrok). */
    public String remote() {
        return remote;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Sends a text frame; returns false (and closes the link) when the client is too far behind. */
    public boolean send(String text) {
        if (!socket.isOpen()) {
            return false;
        }
        long buffered = buffered();
        if (buffered + text.length() > maxBufferedBytes) {
            // A close handshake would queue behind the backlog and never finish: drop the connection now,
            // which frees the queued bytes.
            socket.closeConnection(CloseFrame.POLICY_VALIDATION, "too slow: " + buffered + " bytes unread by the client");
            return false;
        }
        try {
            socket.send(text);
            return true;
        } catch (RuntimeException e) {
            // The socket closed between the check and the send; onClose will clean up.
            return false;
        }
    }

    public void close(int code, String reason) {
        socket.close(code, reason.length() > 120 ? reason.substring(0, 120) : reason);
    }

    private long buffered() {
        if (!(socket instanceof WebSocketImpl impl)) {
            return 0;
        }
        long total = 0;
        for (ByteBuffer b : impl.outQueue) {
            total += b.remaining();
        }
        return total;
    }
}
