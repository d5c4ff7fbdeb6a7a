package io.p2c2r.coordinator.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;

/**
 * Admits each accepted TCP connection into the {@link ConnectionTable} before another factory wraps its
 * channel: the first moment the library shows a connection with its remote address, before any handshake.
 * One past a limit is dropped there (the library closes the socket when wrapping fails). Thread-safe.
 */
final class AdmissionServerFactory extends ForwardingServerFactory {
    private final ConnectionTable<WebSocketImpl> table;

    AdmissionServerFactory(WebSocketServerFactory inner, ConnectionTable<WebSocketImpl> table) {
        super(inner);
        this.table = table;
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        WebSocketImpl ws = (WebSocketImpl) key.attachment();
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        ConnectionTable.Verdict refused = table.admit(ws, remote == null ? null : remote.getAddress(), System.nanoTime());
        if (refused != null) {
            throw new IOException("connection refused at accept: " + refused);
        }
        try {
            return inner.wrapChannel(channel, key);
        } catch (IOException | RuntimeException e) {
            table.closed(ws);
            throw e;
        }
    }
}
