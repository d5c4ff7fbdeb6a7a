package io.p2c2r.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Makes the plain, unconnected sockets the WebSocket library connects itself, noting when one's TCP connection
 * is made: after a handshake timeout that tells "nothing answered" from "something accepted but did not speak
 * WebSocket". Thread-safe.
 */
final class NotingSocketFactory extends SocketFactory {
    private volatile boolean connected;

    boolean connected() {
        return connected;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeoutMs) throws IOException {
                super.connect(endpoint, timeoutMs);
                connected = true;
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw unconnectedOnly();
    }

    private static UnsupportedOperationException unconnectedOnly() {
        return new UnsupportedOperationException("the WebSocket library asks for unconnected sockets only");
    }
}
