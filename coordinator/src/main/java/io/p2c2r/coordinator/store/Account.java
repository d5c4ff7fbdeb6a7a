package io.p2c2r.coordinator.store;

/** A peer's or gamer's identity and running totals as stored; immutable snapshot read at startup. */
public record Account(String id, String tokenHash, long totalNanos, long tasksCompleted) {
}
