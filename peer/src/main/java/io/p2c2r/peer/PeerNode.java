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
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.TrustLevel;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.peer.controls.Availability;
import io.p2c2r.peer.controls.Controls;
import io.p2c2r.peer.controls.CpuCap;
import io.p2c2r.peer.controls.DutyCycle;
import io.p2c2r.peer.controls.LowPriority;
import io.p2c2r.peer.status.StatusTracker;
import java.io.PrintWriter;
import io.p2c2r.common.tls.ClientTls;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.framing.CloseFrame;

/**
 * A contributor node: connects to the coordinator, registers under a persistent identity, runs tasks on its own
 * bounded pool (never on socket threads) within its owner's {@link Controls}, heartbeats, keeps its status file,
 * and reconnects with backoff. It owns and shuts down its threads: the supervisor, the workers, the compute
 * pool and a timer. Thread-safe.
 */
public final class PeerNode implements AutoCloseable {
    /**
     * How a node runs. {@code peerId} null means the saved default id; {@code controls} null means none. For a
     * {@code wss://} cloud, {@code tlsCa} null trusts the system's certificate authorities, otherwise only the
     * certificates in that PEM file.
     */
    public record Config(URI cloud, String peerId, IdentityStore identities, int workers, Duration heartbeatInterval,
                         Duration statsInterval, Duration maxBackoff, Map<String, Double> benchmark, Controls controls,
                         Path tlsCa) {
        public Config {
            if (workers < 1 || workers > Capabilities.MAX_SLOTS) {
                throw new IllegalArgumentException("workers " + workers + " is out of range [1, " + Capabilities.MAX_SLOTS + "]");
            }
            controls = controls == null ? Controls.NONE : controls;
        }

        public Config(URI cloud, String peerId, IdentityStore identities, int workers, Duration heartbeatInterval,
                      Duration statsInterval, Duration maxBackoff, Map<String, Double> benchmark) {
            this(cloud, peerId, identities, workers, heartbeatInterval, statsInterval, maxBackoff, benchmark, Controls.NONE, null);
        }
    }

    static final long STATUS_WRITE_MS = 1000;

    private final Config config;
    private final PrintWriter out;
    private final String peerId;
    private final ExecutorRegistry registry = ExecutorRegistry.builtIn();
    private final CpuCap cap;
    private final LowPriority lowPriority;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor compute;
    private final ScheduledExecutorService timer;
    private final PeerStats stats = new PeerStats();
    private final StatusTracker status;
    private final TaskDesk desk;
    private final PauseControl pause;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Registered> firstRegistration = new CompletableFuture<>();
    private final Thread supervisor;
    private final SSLSocketFactory tls;
    private volatile PeerConnection connection;
    private volatile boolean fatal;

    private PeerNode(Config config, PrintWriter out) {
        this.config = config;
        this.out = out;
        this.peerId = config.peerId() != null ? config.peerId() : config.identities().defaultId("peer");
        int cores = Runtime.getRuntime().availableProcessors();
        Controls controls = config.controls();
        this.cap = CpuCap.of(controls.maxCpuPercent(), config.workers(), cores);
        this.lowPriority = new LowPriority(controls.lowPriority());
        this.workers = new ThreadPoolExecutor(cap.slots(), cap.slots(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(cap.slots()), lowPriority.wrap(named("p2c2r-peer-worker")));
        this.compute = cap.helpers() == 0 ? null : new ThreadPoolExecutor(cap.helpers(), cap.helpers(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), lowPriority.wrap(named("p2c2r-peer-compute")));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("p2c2r-peer-timer"));
        this.status = new StatusTracker(StatusTracker.fileFor(config.identities().dir(), peerId), peerId,
                config.cloud().toString(), cap.slots(), this::running, controls.clock(), STATUS_WRITE_MS, this::print);
        TaskRunner runner = new TaskRunner(registry, compute, cap.parallelism(),
                cap.duty() < 1 ? new DutyCycle(cap.duty()) : DutyCycle.FULL);
        this.desk = new TaskDesk(peerId, workers, runner, stats, status, this::print);
        this.pause = new PauseControl(new Availability(controls), desk, () -> connection, cap.slots(), status, this::print);
        this.supervisor = new Thread(this::superviseConnection, "p2c2r-peer-supervisor");
        this.tls = "wss".equals(config.cloud().getScheme()) ? ClientTls.socketFactory(config.tlsCa()) : null;
    }

    public static PeerNode start(Config config, PrintWriter out) {
        PeerNode node = new PeerNode(config, out);
        Controls controls = config.controls();
        node.pause.check(); // a peer started outside its schedule registers already paused
        node.supervisor.start();
        long hb = config.heartbeatInterval().toMillis();
        node.timer.scheduleWithFixedDelay(node::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
        long st = config.statsInterval().toMillis();
        node.timer.scheduleWithFixedDelay(() -> node.print(node.stats.render()), st, st, TimeUnit.MILLISECONDS);
        if (controls.schedule() != null || controls.pauseWhenBusyPercent() != null) {
            long check = controls.checkInterval().toMillis();
            node.timer.scheduleWithFixedDelay(node::checkAvailability, check, check, TimeUnit.MILLISECONDS);
        }
        node.timer.scheduleWithFixedDelay(node.status::flushIfChanged, STATUS_WRITE_MS, STATUS_WRITE_MS, TimeUnit.MILLISECONDS);
        return node;
    }

    public String peerId() {
        return peerId;
    }

    public PeerStats stats() {
        return stats;
    }

    /** How many tasks it runs at once and how many threads compute, after the CPU cap. */
    public CpuCap cpuCap() {
        return cap;
    }

    public LowPriority lowPriority() {
        return lowPriority;
    }

    /** The file {@code peer.jar status} reads. */
    public Path statusFile() {
        return StatusTracker.fileFor(config.identities().dir(), peerId);
    }

    /** Null while taking work; otherwise why the peer is paused. */
    public String pausedReason() {
        return desk.pausedReason();
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

    private int running() {
        return desk.running();
    }

    // ---- connection supervision ----

    private void superviseConnection() {
        long backoffMs = 500;
        while (stop.getCount() > 0 && !fatal) {
            PeerConnection c = new PeerConnection(config.cloud(), tls, this::onMessage, this::print);
            connection = c;
            boolean registeredHere = false;
            try {
                print(" Connecting to cloud at " + config.cloud() + "...");
                if (c.connectBlocking(10, TimeUnit.SECONDS)) {
                    c.trySend(Codec.encode(registration()));
                    pause.announce(c);
                    c.closedLatch().await();
                    status.connected(false);
                    registeredHere = firstRegistration.isDone();
                    if (stop.getCount() > 0 && !fatal) {
                        print("⚠️  Disconnected from cloud (" + c.closeReason() + ")");
                    }
                } else {
                    ClientTls.Problem tlsProblem = ClientTls.diagnose(config.cloud(), tls, 10_000);
                    if (tlsProblem != null && tlsProblem.permanent()) {
                        // A certificate that is not trusted or not for this host will not fix itself by retrying.
                        print("❌ Cannot connect to " + config.cloud() + ": " + tlsProblem.message());
                        fatal = true;
                        firstRegistration.completeExceptionally(new IllegalStateException(tlsProblem.message()));
                    } else {
                        print("⚠️  Cannot reach " + config.cloud() + " ("
                                + (tlsProblem != null ? tlsProblem.message() : c.closeReason()) + ")");
                    }
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
        return new RegisterPeer(peerId, token, new Capabilities(cores, cap.slots(), registry.versions(), platform,
                Version.get(), config.benchmark()));
    }

    private void onMessage(PeerConnection via, ServerMessage m) {
        if (m instanceof ExecuteTask task) {
            desk.accept(task, via);
        } else if (m instanceof Registered r) {
            if (!config.identities().token("peer", peerId).map(r.token()::equals).orElse(false)) {
                config.identities().saveToken("peer", peerId, r.token());
            }
            print("✅ Connected! Registered as: " + r.id() + "\n Earning rate: " + Money.parseUsd(r.peerRateUsdPerHour()).format(2)
                    + "/hour (earned so far: " + earnings(r.totalUsd(), r.pendingUsd(), r.grantedUsd()) + ")"
                    + trustSummary(r.trust()) + "\n");
            status.connected(true);
            status.total(r.totalUsd(), r.pendingUsd(), r.grantedUsd());
            status.writeNow();
            firstRegistration.complete(r);
        } else if (m instanceof ResultAccepted a) {
            stats.earned(a.earnedNanos());
            status.earned(a.taskId(), a.earnedNanos(), a.totalEarnedUsd(), a.pendingUsd(), a.grantedUsd());
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

    private void checkAvailability() {
        try {
            pause.check();
        } catch (RuntimeException e) {
            print("⚠️  Could not check the schedule or the load: " + e);
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
        if (c != null) {
            c.trySend(Codec.encode(new Heartbeat(running())));
        }
    }

    private void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /**
     * Stops for good: tells the coordinator it takes no more work, hands every running task back at once (so it is
     * requeued on another peer instead of running into its deadline here), closes the connection, and shuts every
     * pool down. Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stop.countDown();
        pause.stop();
        PeerConnection c = connection;
        if (c != null && c.isOpen()) {
            c.close(CloseFrame.GOING_AWAY, "peer stopping");
            try {
                c.closedLatch().await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        status.stopped();
        shutdownAll();
        status.writeNow();
    }

    /** Drops the connection at once without finishing running tasks, as a crash or pulled cable would. */
    public void crash() {
        closing.set(true);
        stop.countDown();
        PeerConnection c = connection;
        if (c != null && c.getConnection() != null) {
            c.getConnection().closeConnection(1006, "peer crashed");
        }
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
        workers.shutdownNow();
        if (compute != null) {
            compute.shutdownNow();
        }
        try {
            // Handed-back tasks see themselves cancelled at their next checkpoint; wait briefly for them to notice.
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
