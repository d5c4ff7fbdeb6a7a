package io.p2c2r.peer;

import io.p2c2r.common.Version;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.Capabilities;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.Heartbeat;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.TrustLevel;
import io.p2c2r.executors.ExecutorRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A contributor node: connects to the coordinator, registers under a persistent identity, runs tasks on
 * its own bounded pool (never on socket threads), heartbeats, and reconnects with backoff. It owns and
 * shuts down its threads: the supervisor, the workers, the compute pool and a timer. Thread-safe.
 */
public final class PeerNode implements AutoCloseable {
    /** How a node runs. {@code peerId} null means the saved default id. */
    public record Config(URI cloud, String peerId, IdentityStore identities, int workers, Duration heartbeatInterval,
                         Duration statsInterval, Duration maxBackoff, Map<String, Double> benchmark) {
        public Config {
            if (workers < 1 || workers > Capabilities.MAX_SLOTS) {
                throw new IllegalArgumentException("workers " + workers + " is out of range [1, " + Capabilities.MAX_SLOTS + "]");
            }
        }
    }

    private final Config config;
    private final PrintWriter out;
    private final String peerId;
    private final ExecutorRegistry registry = ExecutorRegistry.builtIn();
    private final ThreadPoolExecutor workers;
    private final ExecutorService compute;
    private final ScheduledExecutorService timer;
    private final TaskRunner runner;
    private final PeerStats stats = new PeerStats();
    private final AtomicInteger running = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CompletableFuture<Registered> firstRegistration = new CompletableFuture<>();
    private final Thread supervisor;
    private volatile PeerConnection connection;
    private volatile boolean fatal;

    private PeerNode(Config config, PrintWriter out) {
        this.config = config;
        this.out = out;
        this.peerId = config.peerId() != null ? config.peerId() : config.identities().defaultId("peer");
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.workers()), named("p2c2r-peer-worker"));
        int cores = Runtime.getRuntime().availableProcessors();
        this.compute = Executors.newFixedThreadPool(Math.max(1, cores - 1), named("p2c2r-peer-compute"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("p2c2r-peer-timer"));
        this.runner = new TaskRunner(registry, compute, cores);
        this.supervisor = new Thread(this::superviseConnection, "p2c2r-peer-supervisor");
    }

    public static PeerNode start(Config config, PrintWriter out) {
        PeerNode node = new PeerNode(config, out);
        node.supervisor.start();
        long hb = config.heartbeatInterval().toMillis();
        node.timer.scheduleWithFixedDelay(node::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
        long st = config.statsInterval().toMillis();
        node.timer.scheduleWithFixedDelay(() -> node.print(node.stats.render()), st, st, TimeUnit.MILLISECONDS);
        return node;
    }

    public String peerId() {
        return peerId;
    }

    public PeerStats stats() {
        return stats;
    }

    /** Completes when the first registration is accepted; fails if it is refused. */
    public CompletableFuture<Registered> registered() {
        return firstRegistration;
    }

    /** True once the node has stopped for good (closed, or its token was refused). */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        supervisor.join(unit.toMillis(timeout));
        return !supervisor.isAlive();
    }

    public boolean refused() {
        return fatal;
    }

    // ---- connection supervision ----

    private void superviseConnection() {
        long backoffMs = 500;
        while (stop.getCount() > 0 && !fatal) {
            PeerConnection c = new PeerConnection(config.cloud(), this::onMessage, this::print);
            connection = c;
            boolean registeredHere = false;
            try {
                print(" Connecting to cloud at " + config.cloud() + "...");
                if (c.connectBlocking(10, TimeUnit.SECONDS)) {
                    c.send(Codec.encode(registration()));
                    c.closedLatch().await();
                    registeredHere = firstRegistration.isDone();
                    if (stop.getCount() > 0 && !fatal) {
                        print("⚠️  Disconnected from cloud (" + c.closeReason() + ")");
                    }
                } else {
                    print("⚠️  Cannot reach " + config.cloud() + " (" + c.closeReason() + ")");
                }
                if (registeredHere) {
                    backoffMs = 500;
                }
                long wait = backoffMs / 2 + ThreadLocalRandom.current().nextLong(backoffMs / 2 + 1);
                if (stop.getCount() > 0 && !fatal) {
                    print("   Reconnecting in " + wait + " ms");
                }
                stop.await(wait, TimeUnit.MILLISECONDS);
                backoffMs = Math.min(backoffMs * 2, config.maxBackoff().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private RegisterPeer registration() {
        String token = config.identities().token("peer", peerId).orElse(null);
        int cores = Runtime.getRuntime().availableProcessors();
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version");
        return new RegisterPeer(peerId, token, new Capabilities(cores, config.workers(), registry.versions(), platform,
                Version.get(), config.benchmark()));
    }

    private void onMessage(ServerMessage m) {
        if (m instanceof ExecuteTask task) {
            accept(task);
        } else if (m instanceof Registered r) {
            if (!config.identities().token("peer", peerId).map(r.token()::equals).orElse(false)) {
                config.identities().saveToken("peer", peerId, r.token());
            }
            print("✅ Connected! Registered as: " + r.id() + "\n Earning rate: " + Money.parseUsd(r.peerRateUsdPerHour()).format(2)
                    + "/hour (earned so far: " + earnings(r.totalUsd(), r.pendingUsd(), r.grantedUsd()) + ")"
                    + trustSummary(r.trust()) + "\n");
            firstRegistration.complete(r);
        } else if (m instanceof ResultAccepted a) {
            stats.earned(a.earnedNanos());
            print("    Earned: " + Money.ofNanos(a.earnedNanos()).format(9) + " for " + a.taskId() + " (pending)"
                    + (a.trust() != null ? "; " + a.trust().describe() : "") + " (total " + earnings(a.totalEarnedUsd(),
                    a.pendingUsd(), a.grantedUsd()) + ")");
        } else if (m instanceof ErrorMessage e) {
            print("❌ Cloud says " + e.code() + ": " + e.message());
            if (ErrorCodes.AUTH_FAILED.equals(e.code())) {
                fatal = true;
                firstRegistration.completeExceptionally(new IllegalStateException(e.message()));
            }
        }
    }

    // ---- tasks ----

    private void accept(ExecuteTask task) {
        PeerConnection via = connection;
        long deadline = System.nanoTime() + task.deadlineMs() * 1_000_000L;
        try {
            workers.execute(() -> execute(task, via, deadline));
        } catch (RejectedExecutionException e) {
            via.send(Codec.encode(PeerTaskResult.failed(task.taskId(), ErrorCodes.NOT_AVAILABLE,
                    "peer " + peerId + " is busy or stopping", 0)));
        }
    }

    private void execute(ExecuteTask task, PeerConnection via, long deadline) {
        running.incrementAndGet();
        try {
            print("⚡ Received task: " + task.taskType() + " (" + task.taskId() + ")\n   Processing...");
            PeerTaskResult result = runner.run(task, () -> via.isClosed() || stop.getCount() == 0 || System.nanoTime() > deadline);
            boolean ok = PeerTaskResult.COMPLETED.equals(result.status());
            stats.taskFinished(ok, result.processingTimeMs());
            print(ok ? String.format("   ✅ Completed %s in %.1fms", task.taskId(), result.processingTimeMs())
                    : "   ❌ " + task.taskId() + " failed: " + result.error());
            if (via.isOpen()) {
                via.send(Codec.encode(result));
            }
        } finally {
            running.decrementAndGet();
        }
    }

    /** "$0.000123 ($0.000100 granted, $0.000023 pending)", or just the total from an older coordinator. */
    static String earnings(String totalUsd, String pendingUsd, String grantedUsd) {
        String total = Money.parseUsd(totalUsd).format(9);
        if (pendingUsd == null || grantedUsd == null) {
            return total;
        }
        return total + ": " + Money.parseUsd(grantedUsd).format(9) + " granted, " + Money.parseUsd(pendingUsd).format(9)
                + " pending";
    }

    /** One line per trust level, trusted types first, e.g. "ai_pathfinding: trusted (42 agreed)". */
    static String trustSummary(Map<String, TrustLevel> trust) {
        if (trust == null || trust.isEmpty()) {
            return "";
        }
        long trusted = trust.values().stream().filter(TrustLevel::trusted).count();
        StringBuilder out = new StringBuilder("\n Trust: " + trusted + " of " + trust.size() + " task types trusted");
        trust.entrySet().stream().filter(e -> e.getValue().trusted() || e.getValue().agreed() > 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("\n   ").append(e.getKey()).append(": ").append(e.getValue().describe()));
        return out.toString();
    }

    private void heartbeat() {
        PeerConnection c = connection;
        if (c != null && c.isOpen()) {
            c.send(Codec.encode(new Heartbeat(running.get())));
        }
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** Stops reconnecting, lets running tasks finish for up to 10 s, closes the connection and every pool. */
    @Override
    public void close() {
        stop.countDown();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdownAll();
    }

    /** Drops the connection at once without finishing running tasks, as a crash or pulled cable would. */
    public void crash() {
        stop.countDown();
        PeerConnection c = connection;
        if (c != null && c.getConnection() != null) {
            c.getConnection().closeConnection(1006, "peer crashed");
        }
        workers.shutdownNow();
        shutdownAll();
    }

    private void shutdownAll() {
        PeerConnection c = connection;
        if (c != null) {
            c.close();
        }
        supervisor.interrupt();
        try {
            supervisor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        compute.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
