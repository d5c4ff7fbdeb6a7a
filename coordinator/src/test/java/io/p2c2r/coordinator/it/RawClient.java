package io.p2c2r.coordinator.it;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A bare WebSocket client that speaks raw frames, so tests can send what real clients never would
 * (malformed JSON, oversized frames, answers for tasks not held) and read every reply.
 */
final class RawClient extends WebSocketClient {
    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    RawClient(int port) {
        super(URI.create("ws://127.0.0.1:" + port + "/"));
    }

    static RawClient connect(int port) throws InterruptedException {
        RawClient c = new RawClient(port);
        if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new AssertionError("raw client could not connect to port " + port);
        }
        return c;
    }

    /** Connects without requiring the connection to stay open (the server may close it at once). */
    static RawClient attempt(int port) throws InterruptedException {
        RawClient c = new RawClient(port);
        c.connectBlocking(10, TimeUnit.SECONDS);
        return c;
    }

    /** The next message of type {@code type}, skipping others; fails after {@code timeout}. */
    <T extends ServerMessage> T await(Class<T> type, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            String text = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (text == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
            }
            ServerMessage m = Codec.decodeServer(text);
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    /** The next message of any type, as text; fails after {@code timeout}. */
    String awaitAny(Duration timeout) throws InterruptedException {
        String text = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (text == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return text;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        inbox.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode.complete(code);
    }

    @Override
    public void onError(Exception ex) {
    }
}
