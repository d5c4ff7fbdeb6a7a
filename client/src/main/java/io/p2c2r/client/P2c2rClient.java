package io.p2c2r.client;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.GetTask;
import io.p2c2r.common.protocol.ProtocolException;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.common.protocol.TaskAccepted;
import io.p2c2r.common.protocol.TaskCorrected;
import io.p2c2r.common.protocol.TaskSpec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.common.tls.ClientTls;
import io.p2c2r.common.tls.TlsException;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A gamer's connection to a coordinator, small enough to embed in a Java game: {@link #connect} registers,
 * {@link #submit} returns a future of the answer. See docs/CLIENT.md.
 *
 * <p>Thread-safe: any thread may submit, and many tasks may be in flight on one client. Futures and the
 * {@link #onProgress progress listener} complete on the client's socket thread (a timeout completes on a JDK timer
 * thread), so callbacks must be short and must never block; a game loop should hand results to its own thread, for
 * example through a queue it drains each frame. Every future completes: with the answer, with a
 * {@link P2c2rException} if the connection drops, or after the task's timeout plus a grace period.
 */
public final class P2c2rClient implements AutoCloseable {
    /** Error code: nothing listens at the address, or the host is unknown. */
    public static final String UNREACHABLE = "unreachable";
    /** Error code: no answer to the connection or to the registration within the connect timeout. */
    public static final String CONNECT_TIMEOUT = "connect_timeout";
    /** Error code: any other reason the connection or registration failed. */
    public static final String CONNECT_FAILED = "connect_failed";
    /** Error code: the connection is gone; the task's outcome is unknown to this client. */
    public static final String DISCONNECTED = "disconnected";

    /**
     * Where and who to connect as. {@code gamerId} null means the id saved in {@code identities} (created on first
     * use); {@code identities} keeps the secret token the coordinator issues, so that spending follows the id;
     * {@code connectTimeout} bounds the connection and the registration, each. For a {@code wss://} address,
     * {@code tlsCa} null checks the coordinator's certificate against the system's trust store; otherwise only the
     * certificates in that PEM file are trusted (a private CA, or a self-signed certificate). Immutable.
     *
     * @param cloud          the coordinator, e.g. {@code ws://p2c2r.example.com:8765/}
     * @param gamerId        the id to register as, or null for the saved default id
     * @param identities     where the id and its token are kept
     * @param connectTimeout how long to wait for the connection, and then for the registration; positive
     * @param tlsCa          the PEM file of certificates to trust for {@code wss://}, or null for the system's
     */
    public record Options(URI cloud, String gamerId, IdentityStore identities, Duration connectTimeout, Path tlsCa) {
        /**
         * Checks that {@code cloud} and {@code identities} are given and the timeout is positive.
         *
         * @param cloud          the coordinator
         * @param gamerId        the id, or null
         * @param identities     where the id and token are kept
         * @param connectTimeout positive
         * @param tlsCa          the certificates to trust, or null
         */
        public Options {
            Objects.requireNonNull(cloud, "cloud");
            Objects.requireNonNull(identities, "identities");
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout " + connectTimeout + " must be positive");
            }
        }

        /**
         * {@code cloud} as the saved default gamer, identities in {@link IdentityStore#defaultDir()}, 10 s timeout.
         *
         * @param cloud the coordinator's address
         * @return the options
         */
        public static Options of(URI cloud) {
            return new Options(cloud, null, new IdentityStore(IdentityStore.defaultDir()), Duration.ofSeconds(10), null);
        }

        /**
         * Options trusting the system's certificate authorities.
         *
         * @param cloud          the coordinator
         * @param gamerId        the id, or null
         * @param identities     where the id and token are kept
         * @param connectTimeout positive
         */
        public Options(URI cloud, String gamerId, IdentityStore identities, Duration connectTimeout) {
            this(cloud, gamerId, identities, connectTimeout, null);
        }
    }

    private static final long GRACE_MS = 10_000;
    private static final long DEFAULT_TIMEOUT_MS = 300_000;
    private static final long CLOSE_WAIT_MS = 2_000;
    static final int MAX_FRAME_BYTES = 32 << 20;

    private final Socket socket;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    /**
     * Request ids are this client's random prefix and a counter, so that two clients of one gamer id (a game and
     * its restart, two connections) never reuse an id: the coordinator treats a repeated id as the same request.
     */
    private final String requestPrefix = Long.toString(new java.security.SecureRandom().nextLong() >>> 1, 36);
    private final CompletableFuture<Registered> registered = new CompletableFuture<>();
    private volatile Consumer<TaskAccepted> progress = a -> { };
    private volatile Consumer<TaskCorrected> corrections = c -> { };

    private record Pending(CompletableFuture<TaskReply> future, long sentNanos) {
    }

    private final SSLSocketFactory tls;

    private P2c2rClient(Options options) {
        this.socket = new Socket(options.cloud());
        this.tls = "wss".equals(options.cloud().getScheme()) ? ClientTls.socketFactory(options.tlsCa()) : null;
        if (tls != null) {
            socket.setSocketFactory(tls);
        }
    }

    /**
     * Connects and registers (creating the identity and saving its token on first use). The future completes with
     * the client once the coordinator accepted the registration, or exceptionally with a {@link P2c2rException}
     * whose code is {@link #UNREACHABLE}, {@link #CONNECT_TIMEOUT}, {@link #CONNECT_FAILED} or the coordinator's
     * own (such as {@code auth_failed}) and whose message says what happened. Never blocks the caller.
     *
     * @param options where and as whom to connect
     * @return the connected, registered client, when it is
     */
    public static CompletableFuture<P2c2rClient> connect(Options options) {
        String id = options.gamerId() != null ? options.gamerId() : options.identities().defaultId("gamer");
        CompletableFuture<P2c2rClient> result = new CompletableFuture<>();
        P2c2rClient client;
        try {
            client = new P2c2rClient(options);
        } catch (TlsException e) {
            result.completeExceptionally(e);
            return result;
        }
        Thread connector = new Thread(() -> {
            try {
                long ms = options.connectTimeout().toMillis();
                if (!client.socket.connectBlocking(ms, TimeUnit.MILLISECONDS)) {
                    ClientTls.Problem tls = ClientTls.diagnose(options.cloud(), client.tls, (int) ms); // e.g. ws:// to a wss:// port
                    throw tls != null ? new P2c2rException(CONNECT_FAILED, "cannot connect to " + options.cloud() + ": "
                            + tls.message()) : client.socket.whyNotConnected(options.connectTimeout());
                }
                String token = options.identities().token("gamer", id).orElse(null);
                client.socket.send(Codec.encode(new RegisterGamer(id, token)));
                Registered r = client.registered.get(ms, TimeUnit.MILLISECONDS);
                if (token == null || !token.equals(r.token())) {
                    options.identities().saveToken("gamer", id, r.token());
                }
                result.complete(client);
            } catch (TimeoutException e) {
                client.socket.close();
                result.completeExceptionally(new P2c2rException(CONNECT_TIMEOUT, "connected to " + options.cloud()
                        + " but it did not answer register_gamer within " + options.connectTimeout().toSeconds() + " s"));
            } catch (Exception e) {
                client.socket.close(); // not close(): a failed connection has nothing to wait for
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                if (cause instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                result.completeExceptionally(cause instanceof P2c2rException ? cause
                        : new P2c2rException(CONNECT_FAILED, "cannot register with " + options.cloud() + ": " + cause, cause));
            }
        }, "p2c2r-client-connect");
        connector.setDaemon(true);
        connector.start();
        return result;
    }

    /**
     * The coordinator's {@code registered} reply (id, rates, total spent), or null before it arrived. Any thread.
     *
     * @return the registration, or null
     */
    public Registered registration() {
        return registered.getNow(null);
    }

    /**
     * Sets the listener for each {@code task_accepted} (queued, or running on a peer): progress for long tasks.
     * Replaces the previous listener. It runs on the socket thread: keep it short.
     *
     * @param listener called with each progress message
     */
    public void onProgress(Consumer<TaskAccepted> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Called when a result this client was given with {@code verification: pending} is found wrong by the
     * coordinator's check: the correction carries the canonical result (or, if no two peers agreed, says so and
     * that the task was refunded). Called on the socket thread; do not block in it.
     */
    public void onCorrection(Consumer<TaskCorrected> listener) {
        this.corrections = listener;
    }

    /**
     * As {@link #submit(String, String, Duration)} with the coordinator's default timeout.
     *
     * @param type     the task type
     * @param dataJson the task data, a JSON object
     * @return the answer, when it comes
     */
    public CompletableFuture<TaskReply> submit(TaskType type, String dataJson) {
        return submit(type.wireName(), dataJson, null);
    }

    /**
     * Submits {@code dataJson} as task {@code type} and returns at once. {@code timeout} (null: the coordinator's
     * default, 5 minutes) bounds the whole wait, queueing included. The data is checked to be a JSON object here;
     * the coordinator checks the rest, and a refusal arrives as a {@link TaskReply} that is not {@link TaskReply#ok()}.
     * The future fails with a {@link P2c2rException} only when the answer cannot arrive: the data is not JSON, the
     * connection is closed or drops ({@link #DISCONNECTED}), or no answer came within the timeout plus 10 s.
     *
     * @param type     the task type's wire name, e.g. {@code ai_pathfinding}
     * @param dataJson the task data, a JSON object (docs/TASKS.md)
     * @param timeout  the whole wait, queueing included, or null for the coordinator's default
     * @return the answer, when it comes
     */
    public CompletableFuture<TaskReply> submit(String type, String dataJson, Duration timeout) {
        return submit(type, dataJson, timeout, false);
    }

    /**
     * As {@link #submit(String, String, Duration)}; with {@code waitForAgreement} the coordinator answers only once
     * two independent peers computed the same result (for results that matter more than latency; the gamer pays
     * for both runs).
     */
    public CompletableFuture<TaskReply> submit(String type, String dataJson, Duration timeout, boolean waitForAgreement) {
        SubmitTask message;
        String requestId = "r" + requestPrefix + "-" + nextRequest.incrementAndGet();
        try {
            message = new SubmitTask(requestId, new TaskSpec(type, Codec.raw(dataJson)), timeout == null ? null : timeout.toMillis(),
                    waitForAgreement ? SubmitTask.VERIFY_WAIT : null);
        } catch (P2c2rException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(requestId, message, timeout == null ? DEFAULT_TIMEOUT_MS : timeout.toMillis());
    }

    /** Asks for the current answer of an earlier task of this gamer (for instance its correction, after a reconnect). */
    public CompletableFuture<TaskReply> fetch(String taskId) {
        String requestId = "g" + requestPrefix + "-" + nextRequest.incrementAndGet();
        GetTask message;
        try {
            message = new GetTask(requestId, taskId);
        } catch (P2c2rException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(requestId, message, DEFAULT_TIMEOUT_MS);
    }

    private CompletableFuture<TaskReply> send(String requestId, io.p2c2r.common.protocol.ClientMessage message, long timeoutMs) {
        CompletableFuture<TaskReply> future = new CompletableFuture<>();
        if (!socket.isOpen()) {
            future.completeExceptionally(new P2c2rException(DISCONNECTED, "not connected: " + socket.problem));
            return future;
        }
        pending.put(requestId, new Pending(future, System.nanoTime()));
        long limit = timeoutMs + GRACE_MS;
        future.orTimeout(limit, TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(requestId));
        try {
            socket.send(Codec.encode(message));
        } catch (RuntimeException e) {
            future.completeExceptionally(new P2c2rException(DISCONNECTED, "send failed: " + e));
        }
        return future;
    }

    /**
     * Requests not yet answered. Any thread.
     *
     * @return how many submissions wait for their answer
     */
    public int inFlight() {
        return pending.size();
    }

    /**
     * True while the connection is open. Any thread.
     *
     * @return whether the connection is open
     */
    public boolean isOpen() {
        return socket.isOpen();
    }

    /**
     * Closes the connection; tasks still open fail with {@link #DISCONNECTED} (a task already running on a peer still
     * finishes there, is billed and cached, so submitting it again later is free). Waits up to 2 s for the
     * coordinator to acknowledge, except on the socket thread, where it never waits. Idempotent.
     */
    @Override
    public void close() {
        socket.close();
        if (Thread.currentThread() != socket.thread) {
            try {
                socket.closed.await(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void onMessage(ServerMessage m) {
        if (m instanceof GamerTaskResult r) {
            Pending p = pending.remove(r.requestId());
            if (p != null) {
                p.future().complete(new TaskReply(r, (System.nanoTime() - p.sentNanos()) / 1e6));
            }
        } else if (m instanceof TaskAccepted a) {
            progress.accept(a);
        } else if (m instanceof TaskCorrected c) {
            corrections.accept(c);
        } else if (m instanceof Registered r) {
            registered.complete(r);
        } else if (m instanceof ErrorMessage e) {
            Pending p = e.requestId() == null ? null : pending.remove(e.requestId());
            P2c2rException ex = new P2c2rException(e.code(), e.message());
            if (p != null) {
                p.future().completeExceptionally(ex);
            } else if (!registered.isDone()) {
                registered.completeExceptionally(ex);
            }
        }
    }

    private void failAll(String why) {
        P2c2rException ex = new P2c2rException(DISCONNECTED, why);
        registered.completeExceptionally(ex);
        for (String id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future().completeExceptionally(ex);
            }
        }
    }

    /** The WebSocket underneath; its thread only decodes and completes futures. */
    private final class Socket extends WebSocketClient {
        final CountDownLatch closed = new CountDownLatch(1);
        volatile String problem = "not connected yet";
        volatile Thread thread;
        private volatile Exception error;
        private volatile Integer closeCode;
        private volatile String closeReason;
        /** Notes whether TCP connected: the library drops its socket on a handshake timeout. */
        private final NotingSocketFactory tcp = new NotingSocketFactory();

        Socket(URI uri) {
            super(uri, new Draft_6455(Collections.emptyList(), MAX_FRAME_BYTES));
            setConnectionLostTimeout(30);
            setTcpNoDelay(true);
            if ("ws".equals(uri.getScheme())) {
                setSocketFactory(tcp); // wss keeps the library's TLS sockets
            }
        }

        P2c2rException whyNotConnected(Duration timeout) {
            return ConnectFailure.explain(uri, timeout, error, closeCode, closeReason, tcp.connected());
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            thread = Thread.currentThread();
            problem = "";
        }

        @Override
        public void onMessage(String text) {
            try {
                P2c2rClient.this.onMessage(Codec.decodeServer(text));
            } catch (ProtocolException e) {
                problem = "unreadable message from the coordinator: " + e.getMessage();
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
            failAll(problem);
            closed.countDown();
        }

        @Override
        public void onError(Exception ex) {
            if (error == null) {
                error = ex;
            }
            problem = ex.toString();
        }
    }
}
