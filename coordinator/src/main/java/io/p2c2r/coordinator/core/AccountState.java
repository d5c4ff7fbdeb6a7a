package io.p2c2r.coordinator.core;

/** A peer's or gamer's identity and running totals in memory. Event loop only. */
final class AccountState {
    final String id;
    final String tokenHash;
    long totalNanos;
    long tasksCompleted;

    AccountState(String id, String tokenHash, long totalNanos, long tasksCompleted) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.totalNanos = totalNanos;
        this.tasksCompleted = tasksCompleted;
    }
}
