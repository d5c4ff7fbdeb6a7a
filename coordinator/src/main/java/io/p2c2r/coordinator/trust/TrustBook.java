package io.p2c2r.coordinator.trust;

import io.p2c2r.common.protocol.TrustLevel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Every peer's trust records by task type, and the decisions that rest on them: is a result trusted, is it
 * sampled for an audit, may an untrusted peer start another task today. Changed records are handed to a
 * sink (the store) as they change, so trust survives a restart. Event loop only.
 */
public final class TrustBook {
    private static final long DAY_MS = 86_400_000L;

    private final TrustPolicy policy;
    private final Map<String, TrustRecord> records = new HashMap<>();
    private final Consumer<TrustRecord> changed;
    private final DoubleSupplier random;

    public TrustBook(TrustPolicy policy, Collection<TrustRecord> loaded, Consumer<TrustRecord> changed, DoubleSupplier random) {
        this.policy = policy;
        this.changed = changed;
        this.random = random;
        for (TrustRecord r : loaded) {
            records.put(key(r.peerId, r.taskType), r);
        }
    }

    public TrustPolicy policy() {
        return policy;
    }

    public TrustRecord record(String peerId, String taskType) {
        return records.computeIfAbsent(key(peerId, taskType), k -> TrustRecord.fresh(peerId, taskType));
    }

    public boolean trusted(String peerId, String taskType) {
        TrustRecord r = records.get(key(peerId, taskType));
        return policy.trusted(r == null ? 0 : r.consecutive);
    }

    /** Whether this peer's new result of this type gets checked: always while untrusted, else sampled. */
    public boolean sampleCheck(String peerId, String taskType) {
        double p = policy.checkProbability(record(peerId, taskType).consecutive);
        return p >= 1.0 || random.getAsDouble() < p;
    }

    /** The result agreed with another peer's (or a known answer). */
    public void agreed(String peerId, String taskType) {
        TrustRecord r = record(peerId, taskType);
        r.consecutive++;
        r.agreed++;
        changed.accept(r.copy());
    }

    /** The result was outvoted: trust starts over. */
    public void disagreed(String peerId, String taskType, long nowMillis) {
        TrustRecord r = record(peerId, taskType);
        r.consecutive = 0;
        r.disagreed++;
        r.lastDisagreedAt = nowMillis;
        changed.accept(r.copy());
    }

    /** Whether an untrusted peer may start another task of this type today (trusted peers always may). */
    public boolean mayStart(String peerId, String taskType, long nowMillis) {
        TrustRecord r = record(peerId, taskType);
        if (policy.trusted(r.consecutive)) {
            return true;
        }
        return r.day != nowMillis / DAY_MS || r.startedToday < policy.untrustedDailyCap();
    }

    /** Counts a task started by a peer; only untrusted starts count against the daily cap. */
    public void started(String peerId, String taskType, long nowMillis) {
        TrustRecord r = record(peerId, taskType);
        if (policy.trusted(r.consecutive)) {
            return;
        }
        long today = nowMillis / DAY_MS;
        if (r.day != today) {
            r.day = today;
            r.startedToday = 0;
        }
        r.startedToday++;
        changed.accept(r.copy());
    }

    public TrustLevel level(String peerId, String taskType) {
        long n = record(peerId, taskType).consecutive;
        return new TrustLevel(policy.trusted(n) ? TrustLevel.TRUSTED : TrustLevel.UNTRUSTED, n, policy.threshold());
    }

    /** The levels of one peer for the given types, for its {@code registered} message. */
    public Map<String, TrustLevel> levels(String peerId, Collection<String> taskTypes) {
        Map<String, TrustLevel> out = new HashMap<>();
        for (String type : taskTypes) {
            out.put(type, level(peerId, type));
        }
        return out;
    }

    /** How many (peer, type) pairs are trusted now, for the console. */
    public long trustedPairs() {
        return records.values().stream().filter(r -> policy.trusted(r.consecutive)).count();
    }

    public List<TrustRecord> all() {
        return List.copyOf(records.values());
    }

    private static String key(String peerId, String taskType) {
        return peerId + '\n' + taskType;
    }
}
