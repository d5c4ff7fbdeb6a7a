package io.p2c2r.peer;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ProtocolException;
import io.p2c2r.common.protocol.ServerMessage;
import java.net.URI;
import javax.net.ssl.SSLSocketFactory;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket session with the coordinator. Its socket thread only decodes and hands messages on; a new
 * instance is made for each reconnection. Thread-safe sends.
 */
final class PeerConnection extends WebSocketClient {
    static final int MAX_FRAME_BYTES = 16 << 20;

    private final BiConsumer<PeerConnection, ServerMessage> onMessage;
    private final Consumer<String> onProblem;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String closeReason = "";

    /**
     * {@code onMessage} receives this connection with each message, so replies go back the way the task came;
     * {@code tls}: the sockets to use for a {@code wss://} URI (null for {@code ws://}).
     */
    PeerConnection(URI uri, SSLSocketFactory tls, BiConsumer<PeerConnection, ServerMessage> onMessage, Consumer<String> onProblem) {
        super(uri, new Draft_6455(Collections.emptyList(), MAX_FRAME_BYTES));
        this.onMessage = onMessage;
        this.onProblem = onProblem;
        if (tls != null) {
            setSocketFactory(tls);
        }
        setConnectionLostTimeout(30);
        setTcpNoDelay(true);
    }

    CountDownLatch closedLatch() {
        return closed;
    }

    String closeReason() {
        return closeReason;
    }

    /** Sends if the connection is open; false if it is not (or closed while sending). Thread-safe. */
    boolean trySend(String text) {
        try {
            if (isOpen()) {
                send(text);
                return true;
            }
        } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
            // Closed between the check and the send: the coordinator reassigns what this connection held.
        }
        return false;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // Registration is sent by the node once connectBlocking returns.
    }

    @Override
    public void onMessage(String text) {
        try {
            onMessage.accept(this, Codec.decodeServer(text));
        } catch (ProtocolException e) {
            onProblem.accept("coordinator sent a message this peer cannot read: " + e.getMessage());
        }
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        onProblem.accept("coordinator sent a binary frame; ignored");
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeReason = "code " + code + (reason == null || reason.isEmpty() ? "" : ": " + reason);
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
        closeReason = ex.toString();
    }
}
