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
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A gamer's connection to a coordinator, small enough to embed in a Java game: {@link #connect} registers,
 * {@link #submit} returns a future of the answer. Thread-safe; futures complete on the socket thread, so
 * callers should not block inside their callbacks. Every future completes: with the answer, with a
 * {@link P2c2rException} if the connection drops, or after the task's timeout plus a grace period.
 */
public final class P2c2rClient implements AutoCloseable {
    /** Where and who to connect as. {@code gamerId} null means the saved default id. */
    public record Options(URI cloud, String gamerId, IdentityStore identities, Duration connectTimeout) {
    }

    private static final long GRACE_MS = 10_000;
    private static final long DEFAULT_TIMEOUT_MS = 300_000;
    static final int MAX_FRAME_BYTES = 32 << 20;

    private final Socket socket;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    private final CompletableFuture<Registered> registered = new CompletableFuture<>();
    private volatile Consumer<TaskAccepted> progress = a -> { };
    private volatile Consumer<TaskCorrected> corrections = c -> { };

    private record Pending(CompletableFuture<TaskReply> future, long sentNanos) {
    }

    private P2c2rClient(URI cloud) {
        this.socket = new Socket(cloud);
    }

    /** Connects, registers (creating the identity and saving its token on first use) and completes when accepted. */
    public static CompletableFuture<P2c2rClient> connect(Options options) {
        String id = options.gamerId() != null ? options.gamerId() : options.identities().defaultId("gamer");
        P2c2rClient client = new P2c2rClient(options.cloud());
        CompletableFuture<P2c2rClient> result = new CompletableFuture<>();
        Thread connector = new Thread(() -> {
            try {
                if (!client.socket.connectBlocking(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new P2c2rException("connect_failed", "cannot connect to " + options.cloud() + ": "
                            + client.socket.problem);
                }
                String token = options.identities().token("gamer", id).orElse(null);
                client.socket.send(Codec.encode(new RegisterGamer(id, token)));
                Registered r = client.registered.get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (token == null || !token.equals(r.token())) {
                    options.identities().saveToken("gamer", id, r.token());
                }
                result.complete(client);
            } catch (Exception e) {
                client.close();
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                result.completeExceptionally(cause instanceof P2c2rException ? cause
                        : new P2c2rException("connect_failed", "cannot register with " + options.cloud() + ": " + cause, cause));
            }
        }, "p2c2r-client-connect");
        connector.setDaemon(true);
        connector.start();
        return result;
    }

    public Registered registration() {
        return registered.getNow(null);
    }

    /** Called for each {@code task_accepted} (queued, running on a peer): progress for long tasks. */
    public void onProgress(Consumer<TaskAccepted> listener) {
        this.progress = listener;
    }

    /**
     * Called when a result this client was given with {@code verification: pending} is found wrong by the
     * coordinator's check: the correction carries the canonical result (or, if no two peers agreed, says so and
     * that the task was refunded). Called on the socket thread; do not block in it.
     */
    public void onCorrection(Consumer<TaskCorrected> listener) {
        this.corrections = listener;
    }

    public CompletableFuture<TaskReply> submit(TaskType type, String dataJson) {
        return submit(type.wireName(), dataJson, null);
    }

    /**
     * Submits {@code dataJson} as task {@code type}. {@code timeout} (null: the coordinator's default) bounds the
     * whole wait, queueing included. The data is checked to be a JSON object here; the coordinator checks the rest.
     * The answer comes with the first result; its {@code verification} says how far it was checked.
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
        String requestId = "r" + nextRequest.incrementAndGet();
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
        String requestId = "g" + nextRequest.incrementAndGet();
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
            future.completeExceptionally(new P2c2rException("disconnected", "not connected: " + socket.problem));
            return future;
        }
        pending.put(requestId, new Pending(future, System.nanoTime()));
        long limit = timeoutMs + GRACE_MS;
        future.orTimeout(limit, TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(requestId));
        try {
            socket.send(Codec.encode(message));
        } catch (RuntimeException e) {
            future.completeExceptionally(new P2c2rException("disconnected", "send failed: " + e));
        }
        return future;
    }

    /** Requests not yet answered. */
    public int inFlight() {
        return pending.size();
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        socket.close();
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
        P2c2rException ex = new P2c2rException("disconnected", why);
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
        volatile String problem = "not connected yet";

        Socket(URI uri) {
            super(uri, new Draft_6455(Collections.emptyList(), MAX_FRAME_BYTES));
            setConnectionLostTimeout(30);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
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
            problem = "connection closed (code " + code + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")";
            failAll(problem);
        }

        @Override
        public void onError(Exception ex) {
            problem = ex.toString();
        }
    }

}
