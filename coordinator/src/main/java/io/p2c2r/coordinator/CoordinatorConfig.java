package io.p2c2r.coordinator;

import io.p2c2r.common.money.Rates;
import io.p2c2r.coordinator.core.SplitRules;
import io.p2c2r.coordinator.trust.TrustPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of a coordinator, validated on construction. Immutable; build one with {@link #builder()}.
 */
public record CoordinatorConfig(String host, int port, Path database, Rates rates, Duration cacheTtl,
                                Duration defaultTaskTimeout, Duration executionTimeout, int maxAttempts,
                                int maxOpenTasksPerGamer, int maxQueuedTasks, int maxFrameBytes,
                                int maxTaskDataBytes, long maxBufferedBytesPerConnection,
                                Duration heartbeatTimeout, Duration statsInterval, int maxConnections,
                                NetLimits netLimits, TlsSettings tls, Checking checking, SplitRules split) {
    /**
     * How results are checked: the trust policy, how long earnings stay pending without a check (the hold window),
     * bounds on open checks (count and bytes of task data they keep), how often an idle peer may get a known-answer
     * spot check (zero: never), and the bytes of wait-mode results kept while their agreement is awaited.
     */
    public record Checking(TrustPolicy policy, Duration holdWindow, int maxOpenChecks, long maxCheckBytes,
                           Duration spotCheckInterval, long maxHeldResultBytes) {
        public Checking {
            if (policy == null) {
                throw new IllegalArgumentException("trust policy is missing");
            }
            positive("hold window", holdWindow);
            range("max open checks", maxOpenChecks, 1, 10_000_000);
            range("max check bytes", maxCheckBytes, 1 << 20, 1L << 40);
            range("max held result bytes", maxHeldResultBytes, 1 << 20, 1L << 40);
            if (spotCheckInterval == null || spotCheckInterval.isNegative()) {
                throw new IllegalArgumentException("spot check interval " + spotCheckInterval + " must be zero (off) or positive");
            }
        }

        /** The production defaults: {@link TrustPolicy#defaults()}, 24 h hold, 10,000 checks in 256 MiB, spot checks every 5 min. */
        public static Checking defaults() {
            return new Checking(TrustPolicy.defaults(), Duration.ofHours(24), 10_000, 256L << 20, Duration.ofMinutes(5),
                    256L << 20);
        }

        public Checking withPolicy(TrustPolicy p) {
            return new Checking(p, holdWindow, maxOpenChecks, maxCheckBytes, spotCheckInterval, maxHeldResultBytes);
        }

        public Checking withHoldWindow(Duration d) {
            return new Checking(policy, d, maxOpenChecks, maxCheckBytes, spotCheckInterval, maxHeldResultBytes);
        }

        public Checking withSpotCheckInterval(Duration d) {
            return new Checking(policy, holdWindow, maxOpenChecks, maxCheckBytes, d, maxHeldResultBytes);
        }
    }

    public CoordinatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range [0, 65535]");
        }
        positive("cache TTL", cacheTtl);
        positive("default task timeout", defaultTaskTimeout);
        positive("execution timeout", executionTimeout);
        positive("heartbeat timeout", heartbeatTimeout);
        positive("stats interval", statsInterval);
        range("max attempts", maxAttempts, 1, 100);
        range("max open tasks per gamer", maxOpenTasksPerGamer, 1, 100_000);
        range("max connections", maxConnections, 1, 1_000_000);
        range("max queued tasks", maxQueuedTasks, 1, 1_000_000);
        range("max frame bytes", maxFrameBytes, 4096, 256 << 20);
        range("max task data bytes", maxTaskDataBytes, 256, maxFrameBytes);
        if (checking == null) {
            throw new IllegalArgumentException("checking settings are missing");
        }
        if (split == null) {
            throw new IllegalArgumentException("split rules are missing");
        }
        if (netLimits == null) {
            throw new IllegalArgumentException("net limits are required");
        }
        if (maxBufferedBytesPerConnection < maxFrameBytes) {
            throw new IllegalArgumentException("max buffered bytes per connection " + maxBufferedBytesPerConnection
                    + " must be at least the max frame size " + maxFrameBytes);
        }
    }

    /** A builder holding the production defaults: port 8765, p2c2r_cloud.db, $0.15/h to peers, 10% fee, 24 h cache. */
    public static Builder builder() {
        return new Builder();
    }

    public static CoordinatorConfig defaults() {
        return builder().build();
    }

    /** The largest frame a connection registered as {@code role} may send: peers carry results, gamers task data. */
    public int maxFrameBytesFor(String role) {
        return "peer".equals(role) ? maxFrameBytes : Math.min(maxFrameBytes, maxTaskDataBytes + NetLimits.ENVELOPE_BYTES);
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8765;
        private Path database = Path.of("p2c2r_cloud.db");
        private Rates rates = Rates.defaults();
        private Duration cacheTtl = Duration.ofHours(24);
        private Duration defaultTaskTimeout = Duration.ofMinutes(5);
        private Duration executionTimeout = Duration.ofMinutes(2);
        private int maxAttempts = 3;
        private int maxOpenTasksPerGamer = 256;
        private int maxQueuedTasks = 10_000;
        private int maxFrameBytes = 16 << 20;
        private int maxTaskDataBytes = 1 << 20;
        private long maxBufferedBytesPerConnection = 64L << 20;
        private Duration heartbeatTimeout = Duration.ofSeconds(45);
        private Duration statsInterval = Duration.ofSeconds(10);
        private int maxConnections = 10_000;
        private Checking checking = Checking.defaults();
        private NetLimits netLimits = NetLimits.defaults();
        private TlsSettings tls;
        private SplitRules split = SplitRules.defaults();

        private Builder() {}

        /** When renders are cut into tiles by themselves, and how many pixels of split renders are held at once. */
        public Builder split(SplitRules rules) {
            this.split = rules;
            return this;
        }

        /** How results are checked and peers trusted. */
        public Builder checking(Checking c) {
            this.checking = c;
            return this;
        }

        /** Shorthand for {@code checking(checking.withPolicy(p))}. */
        public Builder trust(TrustPolicy p) {
            this.checking = checking.withPolicy(p);
            return this;
        }

        public Checking checking() {
            return checking;
        }

        public Builder listen(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder database(Path file) {
            this.database = file;
            return this;
        }

        public Builder rates(Rates rates) {
            this.rates = rates;
            return this;
        }

        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = ttl;
            return this;
        }

        /** Default overall timeout of a task, time a peer has to answer, and peers tried before giving up. */
        public Builder timeouts(Duration defaultTask, Duration execution, int attempts) {
            this.defaultTaskTimeout = defaultTask;
            this.executionTimeout = execution;
            this.maxAttempts = attempts;
            return this;
        }

        public Builder maxOpenTasksPerGamer(int n) {
            this.maxOpenTasksPerGamer = n;
            return this;
        }

        /** Largest frame accepted, largest task data, and most bytes queued for one client that is not reading. */
        public Builder sizes(int frameBytes, int taskDataBytes, long bufferedBytes) {
            this.maxFrameBytes = frameBytes;
            this.maxTaskDataBytes = taskDataBytes;
            this.maxBufferedBytesPerConnection = bufferedBytes;
            return this;
        }

        /** Connections accepted at once; one more is closed with 1013 (try again later). */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** Per-connection and per-address limits of the network layer. */
        public Builder netLimits(NetLimits limits) {
            this.netLimits = limits;
            return this;
        }

        /** The current net limits, to derive changed ones from. */
        public NetLimits netLimits() {
            return netLimits;
        }

        /** Serve {@code wss://} only, with this certificate; null (the default) serves plain {@code ws://}. */
        public Builder tls(TlsSettings settings) {
            this.tls = settings;
            return this;
        }

        public Builder statsInterval(Duration interval) {
            this.statsInterval = interval;
            return this;
        }

        public CoordinatorConfig build() {
            return new CoordinatorConfig(host, port, database, rates, cacheTtl, defaultTaskTimeout, executionTimeout,
                    maxAttempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                    maxBufferedBytesPerConnection, heartbeatTimeout, statsInterval, maxConnections, netLimits, tls, checking, split);
        }
    }

    static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " " + d + " must be positive");
        }
    }

    static void range(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " " + v + " is out of range [" + min + ", " + max + "]");
        }
    }
}
