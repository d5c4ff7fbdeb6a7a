package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Capabilities;
import io.p2c2r.common.task.TaskType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connected peer: what it offers, the runs it holds now, and how fast it has actually been per task type
 * (an average of the times the coordinator observed, never what the peer claims). Event loop only.
 */
final class PeerState {
    /** Weight of the newest observation in the running average of service times. */
    static final double EWMA_WEIGHT = 0.2;

    final Session session;
    final AccountState account;
    final Capabilities capabilities;
    final String host;
    final Map<String, Run> held = new LinkedHashMap<>();
    private final Map<TaskType, Double> serviceMs = new EnumMap<>(TaskType.class);
    long lastAssignedSeq;
    long lastSpotCheckNanos;
    /** Tasks it takes at once now: its declared slots, lowered by a {@code capacity} message (0 = paused). */
    int usableSlots;

    PeerState(Session session, AccountState account, Capabilities capabilities, String host, long nowNanos) {
        this.session = session;
        this.account = account;
        this.capabilities = capabilities;
        this.host = host;
        this.lastSpotCheckNanos = nowNanos;
        this.usableSlots = capabilities.slots();
    }

    int freeSlots() {
        return usableSlots - held.size();
    }

    boolean offers(Task task) {
        return task.version.equals(capabilities.tasks().get(task.type.wireName()));
    }

    /** Records the time from dispatch to result the coordinator saw for one run of {@code type}. */
    void observed(TaskType type, double ms) {
        serviceMs.merge(type, ms, (old, now) -> old + EWMA_WEIGHT * (now - old));
    }

    /** The observed average service time for {@code type}, or {@code fallback} before the first result. */
    double serviceMs(TaskType type, double fallback) {
        return serviceMs.getOrDefault(type, fallback);
    }
}
