package io.p2c2r.tools.relay;

import java.net.InetSocketAddress;
import java.net.URI;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A raw Java-WebSocket relay: each client connection gets its own upstream connection to {@code upstream} (the
 * {@link EchoServer}), and frames are forwarded both ways untouched. Client, relay, echo, relay, client is the
 * same four traversals as gamer, coordinator, peer, coordinator, gamer, with no decoding, routing or storage:
 * the floor the coordinator's dispatch path is measured against. Forwards on the library's threads.
 */
public final class Relay extends WebSocketServer {
    private final URI upstream;
    private final Runnable started;

    public Relay(InetSocketAddress address, URI upstream, Runnable started) {
        super(address);
        this.upstream = upstream;
        this.started = started;
        setReuseAddr(true);
        setTcpNoDelay(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Upstream up = new Upstream(upstream, conn);
        up.setTcpNoDelay(true);
        try {
            // The decoder thread that opened conn also delivers its frames, so none arrives before this returns.
            if (!up.connectBlocking()) {
                conn.close(1011, "the upstream echo server did not answer");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            conn.close(1011, "interrupted while connecting upstream");
            return;
        }
        conn.setAttachment(up);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Upstream up = conn.getAttachment();
        if (up != null) {
            up.send(message);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Upstream up = conn.getAttachment();
        if (up != null) {
            up.close();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        System.err.println("relay: " + ex);
    }

    @Override
    public void onStart() {
        started.run();
    }

    /** The relay's connection to the echo server for one client; sends what comes back to that client. */
    private static final class Upstream extends WebSocketClient {
        private final WebSocket client;

        Upstream(URI uri, WebSocket client) {
            super(uri);
            this.client = client;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // frames flow once the relay's onOpen attaches this connection
        }

        @Override
        public void onMessage(String message) {
            if (client.isOpen()) {
                client.send(message);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            client.close();
        }

        @Override
        public void onError(Exception ex) {
            System.err.println("relay upstream: " + ex);
        }
    }
}
