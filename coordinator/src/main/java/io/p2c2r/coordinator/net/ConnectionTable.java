package io.p2c2r.coordinator.net;

import io.p2c2r.coordinator.NetLimits;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Every accepted TCP connection from the moment it is accepted, handshake or not, so that half-open ones
 * count against the cap: how many there are in all and per remote address, and which have taken too long to
 * finish the WebSocket handshake or, after it, to register. Keys are the library's connection objects,
 * compared by identity. Thread-safe (the selector thread admits, any thread closes, a timer sweeps).
 *
 * @param <K> the connection handle
 */
final class ConnectionTable<K> {
    /** Why a connection was refused or is to be closed. */
    enum Verdict { FULL, ADDRESS_FULL, NO_HANDSHAKE, NOT_REGISTERED, FRAME_TOO_SLOW }

    /** One connection's timeline. Its times are set once; read by the sweeper. */
    static final class Entry<K> {
        final K key;
        final String address;
        final boolean limited;
        final long acceptedNanos;
        private volatile long openedNanos;
        private volatile boolean opened;
        private volatile boolean registered;

        private Entry(K key, String address, boolean limited, long acceptedNanos) {
            this.key = key;
            this.address = address;
            this.limited = limited;
            this.acceptedNanos = acceptedNanos;
        }

        /** The WebSocket handshake finished. */
        void opened(long nowNanos) {
            openedNanos = nowNanos;
            opened = true;
        }

        /** The coordinator accepted its registration. */
        void registered() {
            registered = true;
        }
    }

    /** A connection the sweep found overdue, and why. */
    record Overdue<K>(Entry<K> entry, Verdict why) {
    }

    private final NetLimits limits;
    private final int maxAccepted;
    private final Map<K, Entry<K>> entries = new IdentityHashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Map<Verdict, Integer> refusals = new HashMap<>();

    /** {@code maxAccepted}: connections held at once, handshake or not; one more is dropped at accept. */
    ConnectionTable(NetLimits limits, int maxAccepted) {
        this.limits = limits;
        this.maxAccepted = maxAccepted;
    }

    /** Records a just-accepted connection, or returns why it must be dropped (and records nothing). */
    synchronized Verdict admit(K key, InetAddress remote, long nowNanos) {
        String address = remote == null ? "unknown" : remote.getHostAddress();
        boolean limited = remote == null || !remote.isLoopbackAddress() || limits.limitLoopback();
        Verdict refusal = entries.size() >= maxAccepted ? Verdict.FULL
                : limited && perAddress.getOrDefault(address, 0) >= limits.maxConnectionsPerAddress() ? Verdict.ADDRESS_FULL
                : null;
        if (refusal != null) {
            refusals.merge(refusal, 1, Integer::sum);
            return refusal;
        }
        entries.put(key, new Entry<>(key, address, limited, nowNanos));
        if (limited) {
            perAddress.merge(address, 1, Integer::sum);
        }
        return null;
    }

    synchronized Entry<K> get(K key) {
        return entries.get(key);
    }

    /** Forgets a connection; idempotent. */
    synchronized void closed(K key) {
        Entry<K> e = entries.remove(key);
        if (e != null && e.limited) {
            perAddress.computeIfPresent(e.address, (a, n) -> n == 1 ? null : n - 1);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized int fromAddress(String address) {
        return perAddress.getOrDefault(address, 0);
    }

    /** The refusals counted since the last call, by reason; the count is reset. */
    synchronized Map<Verdict, Integer> takeRefusals() {
        Map<Verdict, Integer> out = new HashMap<>(refusals);
        refusals.clear();
        return out;
    }

    /**
     * Connections past a deadline at {@code nowNanos}: the handshake's, the registration's, or that of a frame
     * still arriving ({@code partialDeadline} gives it for a connection, {@code Long.MAX_VALUE} if none).
     */
    synchronized List<Overdue<K>> overdue(long nowNanos, ToLongFunction<K> partialDeadline) {
        List<Overdue<K>> out = new ArrayList<>();
        long handshake = limits.handshakeTimeout().toNanos();
        long registration = limits.registrationTimeout().toNanos();
        for (Entry<K> e : entries.values()) {
            if (!e.opened && nowNanos - e.acceptedNanos > handshake) {
                out.add(new Overdue<>(e, Verdict.NO_HANDSHAKE));
            } else if (e.opened && !e.registered && nowNanos - e.openedNanos > registration) {
                out.add(new Overdue<>(e, Verdict.NOT_REGISTERED));
            } else if (e.opened && nowNanos > partialDeadline.applyAsLong(e.key)) {
                out.add(new Overdue<>(e, Verdict.FRAME_TOO_SLOW));
            }
        }
        return out;
    }
}
