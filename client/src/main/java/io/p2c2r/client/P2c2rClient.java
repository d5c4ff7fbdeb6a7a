package io.p2c2r.client;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.GetTask;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.common.protocol.TaskAccepted;
import io.p2c2r.common.protocol.TaskProgress;
import io.p2c2r.common.protocol.TaskCorrected;
import io.p2c2r.common.protocol.TaskSpec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.common.tls.ClientTls;
import io.p2c2r.common.tls.TlsException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * A gamer's connection to a coordinator, small enough to embed in a Java game: {@link #connect} registers,
 * {@link #submit} returns a future of the answer. See docs/CLIENT.md.
 *
 * <p>Thread-safe: any thread may submit, and many tasks may be in flight on one client. Futures and the
 * {@link #onProgress progress listener} complete on the client's socket thread (a timeout completes on a JDK timer
 * thread), so callbacks must be short and must never block; a game loop should hand results to its own thread, for
 * example through a queue it drains each frame. A dropped connection is not an answer: the client reconnects with
 * backoff and sends its unanswered requests again under their own request ids (see {@link #onConnectionChange}).
 * Every future completes: with the answer, with a {@link P2c2rException} if the client is closed, or after the
 * task's timeout plus a grace period.
 */
public final class P2c2rClient implements AutoCloseable {
    /** Error code: nothing listens at the address, or the host is unknown. */
    public static final String UNREACHABLE = "unreachable";
    /** Error code: no answer to the connection or to the registration within the connect timeout. */
    public static final String CONNECT_TIMEOUT = "connect_timeout";
    /** Error code: any other reason the connection or registration failed. */
    public static final String CONNECT_FAILED = "connect_failed";
    /** Error code: the client was closed before the answer came; the task's outcome is unknown to this client. */
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
    private static final int RESEND_CHUNK = 200;
    private static final long RESEND_PAUSE_MS = 250;
    /** Registration refusals worth another try later; any other refusal (auth_failed, ...) closes the client. */
    private static final Set<String> TRANSIENT = Set.of(UNREACHABLE, CONNECT_TIMEOUT, CONNECT_FAILED, DISCONNECTED, "rate_limited");

    private final Options options;
    private final String gamerId;
    private final SSLSocketFactory tls;
    private final Backoff backoff = Backoff.DEFAULT;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    private final AtomicLong nextConnection = new AtomicLong();
    /**
     * Request ids are this client's random prefix and a counter, so that two clients of one gamer id (a game and
     * its restart, two connections) never reuse an id: the coordinator treats a repeated id as the same request.
     */
    private final String requestPrefix = Long.toString(new java.security.SecureRandom().nextLong() >>> 1, 36);
    /** Runs connection attempts and their backoff; one daemon thread, shut down by {@link #close}. */
    private final ScheduledExecutorService reconnector;
    private volatile Connection connection;
    private volatile Registered registration;
    private volatile String token;
    private volatile boolean closed;
    private volatile ConnectionChange.State state = ConnectionChange.State.RECONNECTING;
    private volatile Consumer<TaskAccepted> progress = a -> { };
    private volatile Consumer<TaskProgress> tiles = p -> { };
    private volatile Consumer<TaskCorrected> corrections = c -> { };
    private volatile Consumer<ConnectionChange> connectionChanges = c -> { };

    /**
     * A request waiting for its answer: the encoded message, to send again after a reconnection, and the number
     * of the connection it was last sent on (so that it goes out once per connection).
     */
    private record Pending(long seq, String text, CompletableFuture<TaskReply> future, long sentNanos, AtomicLong sentOn) {
    }

    private P2c2rClient(Options options, String gamerId) {
        this.options = options;
        this.gamerId = gamerId;
        this.tls = "wss".equals(options.cloud().getScheme()) ? ClientTls.socketFactory(options.tlsCa()) : null;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p2c2r-client-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects and registers (creating the identity and saving its token on first use). The future completes with
     * the client once the coordinator accepted the registration, or exceptionally with a {@link P2c2rException}
     * whose code is {@link #UNREACHABLE}, {@link #CONNECT_TIMEOUT}, {@link #CONNECT_FAILED} or the coordinator's
     * own (such as {@code auth_failed}) and whose message says what happened. Never blocks the caller. Only this
     * first connection is not retried; once connected, the client reconnects by itself (see
     * {@link #onConnectionChange}).
     *
     * @param options where and as whom to connect
     * @return the connected, registered client, when it is
     */
    public static CompletableFuture<P2c2rClient> connect(Options options) {
        String id = options.gamerId() != null ? options.gamerId() : options.identities().defaultId("gamer");
        CompletableFuture<P2c2rClient> result = new CompletableFuture<>();
        P2c2rClient client;
        try {
            client = new P2c2rClient(options, id);
        } catch (TlsException e) {
            result.completeExceptionally(e);
            return result;
        }
        client.reconnector.execute(() -> {
            try {
                client.adopt(client.open(), false);
                result.complete(client);
            } catch (P2c2rException e) {
                client.closed = true;
                client.reconnector.shutdown();
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Connects and registers one new connection, blocking the connect thread; closes it again on failure. */
    private Connection open() {
        Connection c = new Connection(options.cloud(), tls, nextConnection.incrementAndGet(), new Events());
        long ms = options.connectTimeout().toMillis();
        try {
            if (!c.connectBlocking(ms, TimeUnit.MILLISECONDS)) {
                ClientTls.Problem problem = ClientTls.diagnose(options.cloud(), tls, (int) ms); // e.g. ws:// to a wss:// port
                throw problem != null ? new P2c2rException(CONNECT_FAILED, "cannot connect to " + options.cloud() + ": "
                        + problem.message()) : c.whyNotConnected(options.connectTimeout());
            }
            String saved = options.identities().token("gamer", gamerId).orElse(token);
            c.send(Codec.encode(new RegisterGamer(gamerId, saved)));
            Registered r = c.registered.get(ms, TimeUnit.MILLISECONDS);
            if (saved == null || !saved.equals(r.token())) {
                options.identities().saveToken("gamer", gamerId, r.token());
            }
            token = r.token();
            return c;
        } catch (TimeoutException e) {
            c.close();
            throw new P2c2rException(CONNECT_TIMEOUT, "connected to " + options.cloud()
                    + " but it did not answer register_gamer within " + options.connectTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            throw new P2c2rException(CONNECT_FAILED, "interrupted while connecting to " + options.cloud());
        } catch (P2c2rException e) {
            c.close();
            throw e;
        } catch (Exception e) {
            c.close(); // not close(): a failed connection has nothing to wait for
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            throw cause instanceof P2c2rException p ? p
                    : new P2c2rException(CONNECT_FAILED, "cannot register with " + options.cloud() + ": " + cause, cause);
        }
    }

    /** Makes a registered connection the current one and sends on it every request still unanswered. */
    private void adopt(Connection c, boolean again) {
        connection = c;
        registration = c.registered.getNow(null);
        if (closed) {
            c.close();
            return;
        }
        if (again) {
            tell(new ConnectionChange(ConnectionChange.State.CONNECTED, "", 0, 0));
        }
        resend(c, pending.values().stream().sorted(java.util.Comparator.comparingLong(Pending::seq)).toList(), 0);
        if (!c.isOpen()) {
            lost(c); // it closed before it became current, so its own close did not count
        }
    }

    /**
     * Sends {@code all} from {@code from} on, {@value #RESEND_CHUNK} at a time every {@value #RESEND_PAUSE_MS} ms: well
     * under the coordinator's message rate (1,000 a second by default), so that a long outage's backlog does not get
     * the new connection closed as a flood.
     */
    private void resend(Connection c, java.util.List<Pending> all, int from) {
        int to = Math.min(all.size(), from + RESEND_CHUNK);
        for (int i = from; i < to; i++) {
            transmit(c, all.get(i));
        }
        if (to < all.size() && c == connection && c.isOpen()) {
            try {
                reconnector.schedule(() -> resend(c, all, to), RESEND_PAUSE_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closed meanwhile: nothing to send.
            }
        }
    }

    /** Handles the loss of {@code c} once: if it is the current connection, starts reconnecting. */
    private void lost(Connection c) {
        if (closed || c != connection || !c.lossHandled.compareAndSet(false, true)) {
            return;
        }
        retry(0, c.problem);
    }

    private void retry(int attempt, String reason) {
        long delay = backoff.delayMs(attempt, java.util.concurrent.ThreadLocalRandom.current()::nextDouble);
        tell(new ConnectionChange(ConnectionChange.State.RECONNECTING, reason, attempt, delay));
        try {
            reconnector.schedule(() -> reconnect(attempt), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed meanwhile: nothing to reconnect.
        }
    }

    private void reconnect(int attempt) {
        if (closed) {
            return;
        }
        Connection c;
        try {
            c = open();
        } catch (P2c2rException e) {
            if (TRANSIENT.contains(e.code())) {
                retry(attempt + 1, e.getMessage());
            } else {
                shut(e.code(), "the coordinator refused the registration again: " + e.getMessage());
            }
            return;
        }
        adopt(c, true);
    }

    private void tell(ConnectionChange change) {
        if (state == ConnectionChange.State.CLOSED) {
            return;
        }
        state = change.state();
        try {
            connectionChanges.accept(change);
        } catch (RuntimeException e) {
            // The caller's listener failed; the connection's own work goes on.
        }
    }

    /**
     * The coordinator's {@code registered} reply on the latest connection (id, rates, total spent), or null before
     * the first arrived. Any thread.
     *
     * @return the registration, or null
     */
    public Registered registration() {
        return registration;
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
     * Sets the listener for each {@code task_progress} of a render cut into tiles (tiles done of the total; first
     * with 0 when the tiles are queued). Replaces the previous listener. It runs on the socket thread: keep it short.
     *
     * @param listener called with each tile count
     */
    public void onTileProgress(Consumer<TaskProgress> listener) {
        this.tiles = Objects.requireNonNull(listener, "listener");
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
     * Sets the listener told when the connection is lost ({@link ConnectionChange.State#RECONNECTING}, again after
     * each failed attempt), when it is back ({@link ConnectionChange.State#CONNECTED}) and when the client is
     * closed for good ({@link ConnectionChange.State#CLOSED}). Replaces the previous listener. It runs on the
     * client's socket or connect thread: keep it short.
     *
     * @param listener called with each change
     */
    public void onConnectionChange(Consumer<ConnectionChange> listener) {
        this.connectionChanges = Objects.requireNonNull(listener, "listener");
    }

    /**
     * What the client is doing now: {@code CONNECTED} (or, before the first change, still connecting),
     * {@code RECONNECTING} or {@code CLOSED}. Any thread.
     *
     * @return the current state
     */
    public ConnectionChange.State state() {
        return closed ? ConnectionChange.State.CLOSED : isOpen() ? ConnectionChange.State.CONNECTED : ConnectionChange.State.RECONNECTING;
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
     * While the connection is lost the request waits and is sent (again) as soon as the client has reconnected,
     * under the same {@code request_id}, so it runs and is billed once. The future fails with a
     * {@link P2c2rException} only when the answer cannot arrive: the data is not JSON, the client is or gets closed
     * ({@link #DISCONNECTED}, or the coordinator's code if it refused to take the client back), or no answer came
     * within the timeout plus 10 s.
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
        return submit(type, dataJson, timeout, waitForAgreement, null);
    }

    /**
     * As {@link #submit(String, String, Duration, boolean)}; a render ({@code rt_*}) with {@code split} tiles
     * (2 to 64) is cut into that many bands that run on several peers at once, and answered with one result, the
     * same bytes as a whole render ({@code 1}: never cut; null: the coordinator decides). Tile counts arrive at
     * {@link #onTileProgress}.
     */
    public CompletableFuture<TaskReply> submit(String type, String dataJson, Duration timeout, boolean waitForAgreement,
                                               Integer split) {
        SubmitTask message;
        long seq = nextRequest.incrementAndGet();
        String requestId = "r" + requestPrefix + "-" + seq;
        try {
            message = new SubmitTask(requestId, new TaskSpec(type, Codec.raw(dataJson)), timeout == null ? null : timeout.toMillis(),
                    waitForAgreement ? SubmitTask.VERIFY_WAIT : null, split);
        } catch (P2c2rException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(seq, requestId, message, timeout == null ? DEFAULT_TIMEOUT_MS : timeout.toMillis());
    }

    /** Asks for the current answer of an earlier task of this gamer (for instance its correction, after a reconnect). */
    public CompletableFuture<TaskReply> fetch(String taskId) {
        long seq = nextRequest.incrementAndGet();
        String requestId = "g" + requestPrefix + "-" + seq;
        GetTask message;
        try {
            message = new GetTask(requestId, taskId);
        } catch (P2c2rException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(seq, requestId, message, DEFAULT_TIMEOUT_MS);
    }

    private CompletableFuture<TaskReply> send(long seq, String requestId, io.p2c2r.common.protocol.ClientMessage message, long timeoutMs) {
        CompletableFuture<TaskReply> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new P2c2rException(DISCONNECTED, "the client is closed"));
            return future;
        }
        Pending p = new Pending(seq, Codec.encode(message), future, System.nanoTime(), new AtomicLong());
        pending.put(requestId, p);
        long limit = timeoutMs + GRACE_MS;
        future.orTimeout(limit, TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(requestId));
        transmit(connection, p);
        return future;
    }

    /** Sends {@code p} on {@code c} unless it went out on {@code c} already; if {@code c} is down, a reconnection will. */
    private void transmit(Connection c, Pending p) {
        if (c == null || !c.ready() || p.sentOn().getAndSet(c.number) == c.number) {
            return;
        }
        try {
            c.send(p.text());
        } catch (RuntimeException e) {
            // The connection went down under us: the next connection sends it again.
        }
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
     * True while a connection is open and registered. Any thread.
     *
     * @return whether the client is connected now
     */
    public boolean isOpen() {
        Connection c = connection;
        return !closed && c != null && c.ready();
    }

    /**
     * Closes the connection and stops reconnecting; requests still open fail with {@link #DISCONNECTED} (a task
     * already running on a peer still finishes there, is billed and cached, so submitting it again later is free).
     * Waits up to 2 s for the coordinator to acknowledge, except on the socket thread, where it never waits.
     * Idempotent.
     */
    @Override
    public void close() {
        shut(DISCONNECTED, "the client is closed");
    }

    private void shut(String code, String why) {
        if (closed && reconnector.isShutdown()) {
            return;
        }
        closed = true;
        reconnector.shutdownNow();
        Connection c = connection;
        if (c != null) {
            c.close();
            if (Thread.currentThread() != c.thread) {
                try {
                    c.closed.await(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        P2c2rException ex = new P2c2rException(code, why);
        for (String id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future().completeExceptionally(ex);
            }
        }
        tell(new ConnectionChange(ConnectionChange.State.CLOSED, why, 0, 0));
    }

    /** What the current connection reports, on its socket thread. */
    private final class Events implements Connection.Events {
        @Override
        public void message(Connection from, ServerMessage m) {
            if (m instanceof GamerTaskResult r && ErrorCodes.SHUTTING_DOWN.equals(r.code())) {
                // Not an answer: the coordinator is stopping (to restart, usually). The request stays open and goes
                // out again, under its own request id, once the client has reconnected.
                return;
            }
            if (m instanceof GamerTaskResult r) {
                Pending p = pending.remove(r.requestId());
                if (p != null) {
                    p.future().complete(new TaskReply(r, (System.nanoTime() - p.sentNanos()) / 1e6));
                }
            } else if (m instanceof TaskAccepted a) {
                progress.accept(a);
            } else if (m instanceof TaskProgress t) {
                tiles.accept(t);
            } else if (m instanceof TaskCorrected c) {
                corrections.accept(c);
            } else if (m instanceof ErrorMessage e && e.requestId() != null) {
                Pending p = pending.remove(e.requestId());
                if (p != null) {
                    p.future().completeExceptionally(new P2c2rException(e.code(), e.message()));
                }
            }
        }

        @Override
        public void closed(Connection which) {
            lost(which);
        }
    }
}
