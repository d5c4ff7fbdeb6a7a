package io.p2c2r.coordinator.net;

import io.p2c2r.common.protocol.Capacity;
import io.p2c2r.common.protocol.ClientMessage;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.CancelTask;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.GetTask;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.Heartbeat;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ProtocolException;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.ReleaseTask;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.NetLimits;
import io.p2c2r.coordinator.core.EventLoop;
import io.p2c2r.coordinator.core.Hub;
import io.p2c2r.coordinator.core.ResultCheck;
import io.p2c2r.coordinator.core.Session;
import io.p2c2r.coordinator.core.Submission;
import io.p2c2r.executors.ExecutorRegistry;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket endpoint. Its worker threads only decode frames, check submissions and hand the result
 * to the {@link EventLoop}; they never touch coordinator state. Every accepted TCP connection is counted
 * from accept ({@link ConnectionTable}); frames are checked on their header ({@link FrameGuard}); each
 * connection's message rate is capped. If the listener thread stops for any reason other than
 * {@link #shutdown}, {@code onFatal} hears why, so that the process can exit rather than stay up deaf.
 */
public final class CoordinatorServer extends WebSocketServer {
    private final EventLoop loop;
    private final Hub hub;
    private final Console console;
    private final ExecutorRegistry registry;
    private final CoordinatorConfig config;
    private final NetLimits limits;
    private final ConnectionTable<WebSocketImpl> table;
    private final ConnectionSweeper sweeper;
    private final Consumer<String> onFatal;
    private final CompletableFuture<Integer> started = new CompletableFuture<>();
    private volatile boolean shuttingDown;

    /** What a connection carries: the core's session and its message budget. */
    private record Attached(Session session, RateLimiter rate) {
    }

    /** {@code tls}: the factory that wraps channels in TLS, or null for plain {@code ws://}. */
    public CoordinatorServer(InetSocketAddress address, CoordinatorConfig config, EventLoop loop, Hub hub, Console console,
                             ExecutorRegistry registry, WebSocketServerFactory tls, Consumer<String> onFatal) {
        super(address, 2, List.of(new GuardedDraft(config.maxFrameBytes(), guards(config.netLimits()))));
        this.loop = loop;
        this.hub = hub;
        this.console = console;
        this.registry = registry;
        this.config = config;
        this.limits = config.netLimits();
        this.onFatal = onFatal;
        // A few past the cap are still accepted, to be told 1013 (try later) after their handshake.
        this.table = new ConnectionTable<>(limits, config.maxConnections() + Math.min(64, config.maxConnections()));
        this.sweeper = new ConnectionSweeper(table, console);
        setWebSocketFactory(new AdmissionServerFactory(new CountingServerFactory(tls != null ? tls
                : new DefaultWebSocketServerFactory()), table));
        setReuseAddr(true);
        setTcpNoDelay(true);
        // The default accept backlog (50) drops SYNs in a reconnect storm, after a restart, of thousands of peers.
        setMaxPendingConnections(1024);
        setConnectionLostTimeout(30);
    }

    private static java.util.function.Supplier<FrameGuard> guards(NetLimits limits) {
        PartialFrameBudget budget = new PartialFrameBudget(limits.partialFrameBudgetBytes());
        return () -> new FrameGuard(budget, limits.unregisteredFrameBytes(), System::nanoTime);
    }

    /** Completes with the bound port once listening, or exceptionally if binding failed. */
    public CompletableFuture<Integer> started() {
        return started;
    }

    @Override
    public void onStart() {
        sweeper.start();
        started.complete(getPort());
    }

    /** The listener thread: runs the library's loop, and reports it if that loop ends when nobody asked. */
    @Override
    public void run() {
        try {
            super.run();
        } finally {
            if (!shuttingDown && started.isDone() && !started.isCompletedExceptionally()) {
                onFatal.accept("the WebSocket listener stopped unexpectedly; no connection can be accepted");
            }
        }
    }

    /** Stops listening and closes every connection, waiting up to {@code millis}. */
    public void shutdown(int millis) throws InterruptedException {
        shuttingDown = true;
        sweeper.close();
        stop(millis);
    }

    /** A browser page from an origin not on the allow-list gets an HTTP error instead of a connection. */
    @Override
    public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn,
            org.java_websocket.drafts.Draft draft, ClientHandshake request) throws org.java_websocket.exceptions.InvalidDataException {
        String refused = OriginPolicy.refusal(limits.allowedOrigins(), request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : null);
        if (refused != null) {
            console.warn(" Refused a connection from " + conn.getRemoteSocketAddress() + ": " + refused);
            throw new org.java_websocket.exceptions.InvalidDataException(CloseFrame.POLICY_VALIDATION, refused);
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        WebSocketImpl impl = (WebSocketImpl) conn;
        ConnectionTable.Entry<WebSocketImpl> entry = table.get(impl);
        if (entry != null) {
            entry.opened(System.nanoTime());
        }
        if (table.size() > config.maxConnections()) {
            console.warn(" Refused a connection from " + conn.getRemoteSocketAddress() + ": " + config.maxConnections()
                    + " connections are open, the limit");
            conn.close(CloseFrame.TRY_AGAIN_LATER, "the coordinator is full; try again later");
            return;
        }
        Link link = new Link(conn, config.maxBufferedBytesPerConnection(), role -> registered(impl, entry, role));
        long now = System.nanoTime();
        conn.setAttachment(new Attached(new Session(link, now), new RateLimiter(limits.messagesPerSecond(), limits.messageBurst(), now)));
    }

    /** On the event loop, before the {@code registered} reply goes out: the role's frame limit applies. */
    private void registered(WebSocketImpl conn, ConnectionTable.Entry<WebSocketImpl> entry, String role) {
        if (entry != null) {
            entry.registered();
        }
        if (conn.getDraft() instanceof GuardedDraft d && d.guard() != null) {
            d.guard().allow(config.maxFrameBytesFor(role));
        }
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        Attached a = conn.getAttachment();
        if (a == null || !withinRate(conn, a)) {
            return;
        }
        Session s = a.session();
        ClientMessage m;
        try {
            m = Codec.decodeClient(text);
        } catch (ProtocolException e) {
            loop.execute(() -> hub.protocolError(s, e.code(), e.getMessage(), e.requestId(), e.taskId()));
            return;
        }
        if (m instanceof SubmitTask submit) {
            Submission checked = Submission.check(submit, registry, config.maxTaskDataBytes(), config.split());
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
        Attached a = conn.getAttachment();
        if (a == null || !withinRate(conn, a)) {
            return;
        }
        Session s = a.session();
        loop.execute(() -> hub.protocolError(s, ErrorCodes.BAD_JSON,
                "binary frames are not part of the protocol; send JSON text frames", null, null));
    }

    /** Takes one message from the connection's budget; past it, says so and closes (1008). */
    private boolean withinRate(WebSocket conn, Attached a) {
        if (a.rate().tryTake(System.nanoTime())) {
            return true;
        }
        if (conn.isOpen()) {
            console.warn(" Closed " + a.session().remote() + ": over " + limits.messagesPerSecond() + " messages per second");
            conn.send(Codec.encode(ErrorMessage.of(ErrorCodes.RATE_LIMITED, "more than " + limits.messagesPerSecond()
                    + " messages per second (bursts up to " + limits.messageBurst() + "); the connection is closed")));
            conn.close(CloseFrame.POLICY_VALIDATION, "message rate over the limit");
        }
        return false;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Attached a = conn.getAttachment();
        if (a == null) {
            return; // refused in onOpen, never handed to the core
        }
        Session s = a.session();
        String why = code == CloseFrame.TOOBIG ? "frame over the size limit" : "code " + code + (reason.isEmpty() ? "" : ", " + reason);
        if (code == CloseFrame.TOOBIG) {
            console.warn(" Closed " + s.remote() + ": " + (reason.isEmpty() ? "a frame exceeded the size limit" : reason));
        }
        loop.execute(() -> hub.closed(s, why));
    }

    /** Every connection's close passes here, whether or not it ever finished its handshake. */
    @Override
    protected boolean removeConnection(WebSocket ws) {
        table.closed((WebSocketImpl) ws);
        return super.removeConnection(ws);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // Before start this is a bind failure, which the caller reports; after it, run() reports the stop.
            if (!started.completeExceptionally(ex)) {
                console.error("server error: " + ex);
            }
        } else {
            console.debug(" Connection error from " + conn.getRemoteSocketAddress() + ": " + ex);
        }
    }
}
