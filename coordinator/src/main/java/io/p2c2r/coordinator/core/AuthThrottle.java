package io.p2c2r.coordinator.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backs off failed registrations, per identity and per remote address, so that tokens cannot be guessed at
 * network speed. An identity may fail {@value #FREE_PER_ID} times, an address {@value #FREE_PER_ADDRESS}
 * (it may hold many identities); each failure after that refuses the key for twice as long as the last
 * time, from 1 s up to 15 min, without the token being checked. A success clears the identity's failures
 * (not the address's: an attacker's own account must not reset it) and remembers the address: a blocked
 * identity is still checked from the last {@value #GOOD_ADDRESSES} addresses it registered from, so that a
 * stranger guessing a peer's id cannot lock the peer out at home. An hour without failures forgets them.
 * Loopback addresses are neither throttled as addresses nor remembered unless {@code limitLoopback}
 * (behind a local tunnel every client has one). At most {@value #MAX_KEYS} keys are kept, the least
 * recently used going first. Time comes from the injected {@link Clock}. Event loop only.
 */
public final class AuthThrottle {
    static final int FREE_PER_ID = 5;
    static final int FREE_PER_ADDRESS = 20;
    static final long FIRST_BLOCK_NANOS = 1_000_000_000L;
    static final long MAX_BLOCK_NANOS = 15 * 60 * 1_000_000_000L;
    static final long FORGET_NANOS = 60 * 60 * 1_000_000_000L;
    static final int MAX_KEYS = 100_000;
    static final int GOOD_ADDRESSES = 4;

    private static final class Record {
        int failures;
        long lastFailureNanos;
        long blockedUntilNanos;
        final java.util.LinkedHashSet<String> good = new java.util.LinkedHashSet<>();

        void forgetFailures() {
            failures = 0;
            blockedUntilNanos = 0;
        }
    }

    private final Clock clock;
    private final boolean limitLoopback;
    private final Map<String, Record> records = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public AuthThrottle(Clock clock, boolean limitLoopback) {
        this.clock = clock;
        this.limitLoopback = limitLoopback;
    }

    /** Why a registration of {@code role} {@code id} from {@code address} is refused unchecked now, or null. */
    public String refusal(String role, String id, String address) {
        long now = clock.nanoTime();
        Record idRecord = records.get(idKey(role, id));
        boolean knownHere = idRecord != null && address != null && idRecord.good.contains(address);
        long idWait = knownHere ? 0 : wait(idKey(role, id), now);
        if (idWait > 0) {
            return "too many failed registrations for " + role + " id '" + id + "'; try again in " + seconds(idWait) + " s";
        }
        long addressWait = wait(addressKey(address), now);
        if (addressWait > 0) {
            return "too many failed registrations from " + address + "; try again in " + seconds(addressWait) + " s";
        }
        return null;
    }

    /** Counts a refused token; returns a line for the operator if a key is now blocked, else null. */
    public String failed(String role, String id, String address) {
        long now = clock.nanoTime();
        String idBlock = fail(idKey(role, id), FREE_PER_ID, now);
        String addressBlock = fail(addressKey(address), FREE_PER_ADDRESS, now);
        if (idBlock == null && addressBlock == null) {
            return null;
        }
        return "Registration throttled: " + (idBlock != null ? role + " id '" + id + "' " + idBlock : "")
                + (idBlock != null && addressBlock != null ? "; " : "")
                + (addressBlock != null ? "address " + address + " " + addressBlock : "")
                + " (last attempt from " + address + ")";
    }

    /** A registration was accepted: the identity's failures are cleared and {@code address} remembered. */
    public void succeeded(String role, String id, String address) {
        Record r = records.computeIfAbsent(idKey(role, id), k -> new Record());
        r.forgetFailures();
        if (addressKey(address) != null) {
            r.good.remove(address);
            r.good.add(address);
            if (r.good.size() > GOOD_ADDRESSES) {
                r.good.remove(r.good.iterator().next());
            }
        }
    }

    private long wait(String key, long now) {
        Record r = key == null ? null : records.get(key);
        if (r == null) {
            return 0;
        }
        if (r.failures > 0 && now - r.lastFailureNanos > FORGET_NANOS) {
            r.forgetFailures();
        }
        return Math.max(0, r.blockedUntilNanos - now);
    }

    private String fail(String key, int free, long now) {
        if (key == null) {
            return null;
        }
        Record r = records.computeIfAbsent(key, k -> new Record());
        if (now - r.lastFailureNanos > FORGET_NANOS) {
            r.forgetFailures();
        }
        r.failures++;
        r.lastFailureNanos = now;
        if (r.failures <= free) {
            return null;
        }
        int doublings = Math.min(30, r.failures - free - 1);
        long block = Math.min(MAX_BLOCK_NANOS, FIRST_BLOCK_NANOS << doublings);
        r.blockedUntilNanos = now + block;
        return "failed " + r.failures + " times; refused for " + seconds(block) + " s";
    }

    private static String idKey(String role, String id) {
        return role + ":" + id;
    }

    private String addressKey(String address) {
        return address == null || (!limitLoopback && isLoopback(address)) ? null : "address:" + address;
    }

    /** A loopback literal as {@code Channel.remoteHost()} gives it: 127.x.y.z or ::1. */
    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
