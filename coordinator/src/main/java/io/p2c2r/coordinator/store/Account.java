package io.p2c2r.coordinator.store;

/**
 * A peer's or gamer's identity and running totals as stored; immutable snapshot read at startup. For a peer
 * {@code totalNanos} is what has been granted and {@code pendingNanos} what waits on checks; a gamer's
 * {@code totalNanos} is its spending.
 */
public record Account(String id, String tokenHash, long totalNanos, long tasksCompleted, long pendingNanos) {
}
