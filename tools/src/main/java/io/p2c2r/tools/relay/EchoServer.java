package io.p2c2r.tools.relay;

import java.net.InetSocketAddress;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A raw Java-WebSocket server that sends every text frame straight back: the stand-in for a peer in the
 * dispatch-path baseline (docs/BENCHMARKS.md). Answers on the library's decoder threads; no state.
 */
public final class EchoServer extends WebSocketServer {
    private final Runnable started;

    public EchoServer(InetSocketAddress address, Runnable started) {
        super(address);
        this.started = started;
        setReuseAddr(true);
        setTcpNoDelay(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // nothing to set up: every frame is answered on its own
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // nothing held per connection
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        System.err.println("echo: " + ex);
    }

    @Override
    public void onStart() {
        started.run();
    }
}
