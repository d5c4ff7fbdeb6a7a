package io.p2c2r.coordinator.net;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;

/** A server factory that hands everything to another; subclasses change how channels are wrapped. Thread-safe. */
abstract class ForwardingServerFactory implements WebSocketServerFactory {
    protected final WebSocketServerFactory inner;

    ForwardingServerFactory(WebSocketServerFactory inner) {
        this.inner = inner;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
        return inner.createWebSocket(a, d);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
        return inner.createWebSocket(a, drafts);
    }

    @Override
    public abstract ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException;

    @Override
    public void close() {
        inner.close();
    }
}
