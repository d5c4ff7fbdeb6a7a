package io.p2c2r.coordinator.net;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.java_websocket.WebSocketServerFactory;

/** Wraps every accepted channel of another factory in a {@link CountingChannel}. Thread-safe. */
final class CountingServerFactory extends ForwardingServerFactory {
    CountingServerFactory(WebSocketServerFactory inner) {
        super(inner);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        return CountingChannel.wrap(inner.wrapChannel(channel, key));
    }
}
