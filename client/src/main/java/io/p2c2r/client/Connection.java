package io.p2c2r.client;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.ProtocolException;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ServerMessage;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocketFactory;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket connection of a {@link P2c2rClient}: a client makes a new one for each reconnection. Its socket
 * thread only decodes and hands messages to the {@link Events}; {@link #registered} completes with the
 * coordinator's answer to the registration. Thread-safe.
 */
final class Connection extends WebSocketClient {
    static final int MAX_FRAME_BYTES = 32 << 20;

    /** What a connection tells its client, on its socket thread. */
    interface Events {
        void message(Connection from, ServerMessage m);

        void closed(Connection which);
    }

    /** Numbers connections in the order they were made, so that a request knows which one it was sent on. */
    final long number;
    final CompletableFuture<Registered> registered = new CompletableFuture<>();
    final CountDownLatch closed = new CountDownLatch(1);
    /** Set by whoever first handles this connection's loss, so that it is handled once. */
    final AtomicBoolean lossHandled = new AtomicBoolean();
    volatile String problem = "not connected yet";
    volatile Thread thread;
    private final Events events;
    private volatile Exception error;
    private volatile Integer closeCode;
    private volatile String closeReason;
    /** Notes whether TCP connected: the library drops its socket on a handshake timeout. */
    private final NotingSocketFactory tcp = new NotingSocketFactory();

    Connection(URI uri, SSLSocketFactory tls, long number, Events events) {
        super(uri, new Draft_6455(Collections.emptyList(), MAX_FRAME_BYTES));
        this.number = number;
        this.events = events;
        setConnectionLostTimeout(30);
        setTcpNoDelay(true);
        setSocketFactory(tls != null ? tls : tcp); // wss keeps the library's TLS sockets
    }

    P2c2rException whyNotConnected(Duration timeout) {
        return ConnectFailure.explain(uri, timeout, error, closeCode, closeReason, tcp.connected());
    }

    /** True once registered and while open: requests may be sent on it. */
    boolean ready() {
        return isOpen() && registered.isDone() && !registered.isCompletedExceptionally();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        thread = Thread.currentThread();
        problem = "";
    }

    @Override
    public void onMessage(String text) {
        ServerMessage m;
        try {
            m = Codec.decodeServer(text);
        } catch (ProtocolException e) {
            problem = "unreadable message from the coordinator: " + e.getMessage();
            return;
        }
        if (m instanceof Registered r) {
            registered.complete(r);
        } else if (m instanceof ErrorMessage e && e.requestId() == null && !registered.isDone()) {
            registered.completeExceptionally(new P2c2rException(e.code(), e.message()));
        } else {
            events.message(this, m);
        }
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        problem = "unexpected binary frame from the coordinator";
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closeReason = reason;
        problem = "connection closed (code " + code + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")";
        registered.completeExceptionally(new P2c2rException(P2c2rClient.DISCONNECTED, problem));
        closed.countDown();
        events.closed(this);
    }

    @Override
    public void onError(Exception ex) {
        if (error == null) {
            error = ex;
        }
        problem = ex.toString();
    }
}
