package io.p2c2r.coordinator;

import java.time.Duration;

/**
 * How much one connection, and one remote address, may ask of the coordinator's network layer: frame sizes
 * before registration, memory for partly received frames across all connections, connections per address,
 * how long a connection may take to finish its WebSocket handshake and then to register, and its message
 * rate, and which browser origins may connect. Immutable; validated on construction.
 *
 * <p>Per-address limits skip loopback addresses unless {@code limitLoopback}: behind a local tunnel (ngrok) or
 * reverse proxy every client arrives from 127.0.0.1, and one address's limit would then be everyone's.
 */
public record NetLimits(int unregisteredFrameBytes, long partialFrameBudgetBytes, int maxConnectionsPerAddress,
                        boolean limitLoopback, Duration handshakeTimeout, Duration registrationTimeout,
                        int messagesPerSecond, int messageBurst, java.util.List<String> allowedOrigins) {
    /** What a gamer's frame may hold beyond its task data: the envelope of a {@code submit_task}. */
    public static final int ENVELOPE_BYTES = 64 << 10;

    public NetLimits {
        CoordinatorConfig.range("unregistered frame bytes", unregisteredFrameBytes, 1024, 16 << 20);
        CoordinatorConfig.range("partial frame budget bytes", partialFrameBudgetBytes, 1 << 20, 1L << 40);
        CoordinatorConfig.range("max connections per address", maxConnectionsPerAddress, 1, 1_000_000);
        CoordinatorConfig.positive("handshake timeout", handshakeTimeout);
        CoordinatorConfig.positive("registration timeout", registrationTimeout);
        CoordinatorConfig.range("messages per second", messagesPerSecond, 1, 1_000_000);
        CoordinatorConfig.range("message burst", messageBurst, messagesPerSecond, 10_000_000);
        allowedOrigins = io.p2c2r.coordinator.net.OriginPolicy.checked(allowedOrigins);
    }

    /**
     * The defaults: 64 KiB frames before registration, a quarter of the heap (at most 256 MiB) for partly
     * received frames, 100 connections per address, 5 s to finish the handshake and 10 s more to register,
     * 1,000 messages a second with bursts of 2,000.
     */
    public static NetLimits defaults() {
        long budget = Math.max(16L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4));
        return new NetLimits(64 << 10, budget, 100, false, Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, 2000, java.util.List.of());
    }

    public NetLimits withPartialFrameBudget(long bytes) {
        return new NetLimits(unregisteredFrameBytes, bytes, maxConnectionsPerAddress, limitLoopback, handshakeTimeout,
                registrationTimeout, messagesPerSecond, messageBurst, allowedOrigins);
    }

    public NetLimits withConnectionsPerAddress(int max, boolean onLoopbackToo) {
        return new NetLimits(unregisteredFrameBytes, partialFrameBudgetBytes, max, onLoopbackToo, handshakeTimeout,
                registrationTimeout, messagesPerSecond, messageBurst, allowedOrigins);
    }

    public NetLimits withTimeouts(Duration handshake, Duration registration) {
        return new NetLimits(unregisteredFrameBytes, partialFrameBudgetBytes, maxConnectionsPerAddress, limitLoopback,
                handshake, registration, messagesPerSecond, messageBurst, allowedOrigins);
    }

    /** Browser origins that may open a connection (an {@code Origin} header); {@code *} allows any. See OriginPolicy. */
    public NetLimits withAllowedOrigins(java.util.List<String> origins) {
        return new NetLimits(unregisteredFrameBytes, partialFrameBudgetBytes, maxConnectionsPerAddress, limitLoopback,
                handshakeTimeout, registrationTimeout, messagesPerSecond, messageBurst, origins);
    }

    public NetLimits withMessageRate(int perSecond, int burst) {
        return new NetLimits(unregisteredFrameBytes, partialFrameBudgetBytes, maxConnectionsPerAddress, limitLoopback,
                handshakeTimeout, registrationTimeout, perSecond, burst, allowedOrigins);
    }
}
