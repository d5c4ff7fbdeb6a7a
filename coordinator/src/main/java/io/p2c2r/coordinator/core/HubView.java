package io.p2c2r.coordinator.core;

import java.util.List;

/**
 * An immutable picture of the coordinator taken on the event loop ({@link Hub#view()}), safe to hand to any
 * thread: the counters, the connected peers, and the lifetime books summed over every account.
 */
public record HubView(long takenAtMillis, Stats stats, List<PeerView> peers, long gamerSpentNanos,
                      long peerGrantedNanos, long peerPendingNanos) {

    /** One connected peer: its slots (declared and usable now), runs held, earnings, and the types it is trusted for. */
    public record PeerView(String id, String host, int slots, int usableSlots, int busy, long pendingNanos,
                           long grantedNanos, long tasksCompleted, List<String> trustedTypes) {
    }
}
