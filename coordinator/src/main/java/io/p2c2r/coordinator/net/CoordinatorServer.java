package io.p2c2r.coordinator.net;

import io.p2c2r.common.protocol.Capacity;
import io.p2c2r.common.protocol.ClientMessage;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.CancelTask;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.GetTask;
import io.p2c2r.common.protocol.Heartbeat;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ProtocolException;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.ReleaseTask;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.core.EventLoop;
import io.p2c2r.coordinator.core.Hub;
import io.p2c2r.coordinator.core.ResultCheck;
import io.p2c2r.coordinator.core.Session;
import io.p2c2r.coordinator.core.Submission;
import io.p2c2r.executors.ExecutorRegistry;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket endpoint. Its worker threads only decode frames, check submissions and hand the result
 * to the {@link EventLoop}; they never touch coordinator state. Frames over the size limit are refused
 * by the protocol layer (close code 1009) before their payload is buffered.
 */
public final class CoordinatorServer extends WebSocketServer {
    private final EventLoop loop;
    private final Hub hub;
    private final Console console;
    private final ExecutorRegistry registry;
    private final int maxTaskDataBytes;
    private final long maxBufferedBytes;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final CompletableFuture<Integer> started = new CompletableFuture<>();

    public CoordinatorServer(InetSocketAddress address, CoordinatorConfig config, EventLoop loop, Hub hub, Console console,
                             ExecutorRegistry registry) {
        super(address, 2, List.of(new Draft_6455(Collections.emptyList(), config.maxFrameBytes())));
        this.loop = loop;
        this.hub = hub;
        this.console = console;
        this.registry = registry;
        this.maxTaskDataBytes = config.maxTaskDataBytes();
        this.maxBufferedBytes = config.maxBufferedBytesPerConnection();
        this.maxConnections = config.maxConnections();
        setWebSocketFactory(new CountingServerFactory(new DefaultWebSocketServerFactory()));
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(30);
    }

    /** Completes with the bound port once listening, or exceptionally if binding failed. */
    public CompletableFuture<Integer> started() {
        return started;
    }

    @Override
    public void onStart() {
        started.complete(getPort());
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            console.warn(" Refused a connection from " + conn.getRemoteSocketAddress() + ": " + maxConnections
                    + " connections are open, the limit");
            conn.close(CloseFrame.TRY_AGAIN_LATER, "the coordinator is full; try again later");
            return;
        }
        Session session = new Session(new Link(conn, maxBufferedBytes), System.nanoTime());
        conn.setAttachment(session);
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        Session s = conn.getAttachment();
        ClientMessage m;
        try {
            m = Codec.decodeClient(text);
        } catch (ProtocolException e) {
            loop.execute(() -> hub.protocolError(s, e.code(), e.getMessage(), e.requestId(), e.taskId()));
            return;
        }
        if (m instanceof SubmitTask submit) {
            Submission checked = Submission.check(submit, registry, maxTaskDataBytes);
            loop.execute(() -> {
                hub.heard(s);
                hub.submit(s, checked);
            });
        } else if (m instanceof RegisterPeer r) {
            loop.execute(() -> hub.registerPeer(s, r));
        } else if (m instanceof RegisterGamer r) {
            loop.execute(() -> hub.registerGamer(s, r));
        } else if (m instanceof PeerTaskResult r) {
            ResultCheck checked = ResultCheck.check(r);
            loop.execute(() -> {
                hub.heard(s);
                hub.peerResult(s, checked);
            });
        } else if (m instanceof GetTask g) {
            loop.execute(() -> hub.getTask(s, g));
        } else if (m instanceof CancelTask c) {
            loop.execute(() -> hub.cancel(s, c));
        } else if (m instanceof Heartbeat) {
            loop.execute(() -> hub.heartbeat(s));
        } else if (m instanceof Capacity c) {
            loop.execute(() -> hub.capacity(s, c));
        } else if (m instanceof ReleaseTask r) {
            loop.execute(() -> hub.released(s, r));
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Session s = conn.getAttachment();
        loop.execute(() -> hub.protocolError(s, ErrorCodes.BAD_JSON,
                "binary frames are not part of the protocol; send JSON text frames", null, null));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Session s = conn.getAttachment();
        if (s == null) {
            return; // refused in onOpen, never counted
        }
        open.decrementAndGet();
        String why = code == CloseFrame.TOOBIG ? "frame over the size limit" : "code " + code + (reason.isEmpty() ? "" : ", " + reason);
        if (code == CloseFrame.TOOBIG) {
            console.warn(" Closed " + s.remote() + ": a frame exceeded the size limit");
        }
        loop.execute(() -> hub.closed(s, why));
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // Before start this is a bind failure, which the caller reports; after it, a fatal server error.
            if (!started.completeExceptionally(ex)) {
                console.error("server error: " + ex);
            }
        } else {
            console.debug(" Connection error from " + conn.getRemoteSocketAddress() + ": " + ex);
        }
    }
}
