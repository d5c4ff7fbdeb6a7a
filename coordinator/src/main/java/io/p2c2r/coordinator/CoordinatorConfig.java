package io.p2c2r.coordinator;

import io.p2c2r.common.money.Rates;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of a coordinator, validated on construction. Immutable; {@code with*} return copies.
 */
public record CoordinatorConfig(String host, int port, Path database, Rates rates, Duration cacheTtl,
                                Duration defaultTaskTimeout, Duration executionTimeout, int maxAttempts,
                                int maxOpenTasksPerGamer, int maxQueuedTasks, int maxFrameBytes,
                                int maxTaskDataBytes, long maxBufferedBytesPerConnection,
                                Duration heartbeatTimeout, Duration statsInterval) {
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
        range("max queued tasks", maxQueuedTasks, 1, 1_000_000);
        range("max frame bytes", maxFrameBytes, 4096, 256 << 20);
        range("max task data bytes", maxTaskDataBytes, 256, maxFrameBytes);
        if (maxBufferedBytesPerConnection < maxFrameBytes) {
            throw new IllegalArgumentException("max buffered bytes per connection " + maxBufferedBytesPerConnection
                    + " must be at least the max frame size " + maxFrameBytes);
        }
    }

    /** Production defaults: port 8765, p2c2r_cloud.db, $0.15/h to peers, 10% fee, 24 h cache. */
    public static CoordinatorConfig defaults() {
        return new CoordinatorConfig("0.0.0.0", 8765, Path.of("p2c2r_cloud.db"), Rates.defaults(), Duration.ofHours(24),
                Duration.ofMinutes(5), Duration.ofMinutes(2), 3, 256, 10_000, 16 << 20, 1 << 20, 64L << 20,
                Duration.ofSeconds(45), Duration.ofSeconds(10));
    }

    public CoordinatorConfig withListen(String host, int port) {
        return new CoordinatorConfig(host, port, database, rates, cacheTtl, defaultTaskTimeout, executionTimeout,
                maxAttempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                maxBufferedBytesPerConnection, heartbeatTimeout, statsInterval);
    }

    public CoordinatorConfig withDatabase(Path file) {
        return new CoordinatorConfig(host, port, file, rates, cacheTtl, defaultTaskTimeout, executionTimeout,
                maxAttempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                maxBufferedBytesPerConnection, heartbeatTimeout, statsInterval);
    }

    public CoordinatorConfig withRates(Rates r) {
        return new CoordinatorConfig(host, port, database, r, cacheTtl, defaultTaskTimeout, executionTimeout,
                maxAttempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                maxBufferedBytesPerConnection, heartbeatTimeout, statsInterval);
    }

    public CoordinatorConfig withTimeouts(Duration defaultTask, Duration execution, int attempts) {
        return new CoordinatorConfig(host, port, database, rates, cacheTtl, defaultTask, execution,
                attempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                maxBufferedBytesPerConnection, heartbeatTimeout, statsInterval);
    }

    public CoordinatorConfig withLimits(int openPerGamer, int queued, int frameBytes, int dataBytes) {
        return new CoordinatorConfig(host, port, database, rates, cacheTtl, defaultTaskTimeout, executionTimeout,
                maxAttempts, openPerGamer, queued, frameBytes, dataBytes,
                Math.max(maxBufferedBytesPerConnection, frameBytes), heartbeatTimeout, statsInterval);
    }

    public CoordinatorConfig withMaxBuffered(long bytes) {
        return new CoordinatorConfig(host, port, database, rates, cacheTtl, defaultTaskTimeout, executionTimeout,
                maxAttempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                bytes, heartbeatTimeout, statsInterval);
    }

    public CoordinatorConfig withStatsInterval(Duration interval) {
        return new CoordinatorConfig(host, port, database, rates, cacheTtl, defaultTaskTimeout, executionTimeout,
                maxAttempts, maxOpenTasksPerGamer, maxQueuedTasks, maxFrameBytes, maxTaskDataBytes,
                maxBufferedBytesPerConnection, heartbeatTimeout, interval);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " " + d + " must be positive");
        }
    }

    private static void range(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " " + v + " is out of range [" + min + ", " + max + "]");
        }
    }
}
