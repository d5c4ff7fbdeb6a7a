package io.p2c2r.coordinator.core;

/**
 * A peer's or gamer's identity and running totals in memory: for a peer, earnings granted ({@code totalNanos})
 * and pending; for a gamer, spending ({@code totalNanos}). Event loop only.
 */
final class AccountState {
    final String id;
    final String tokenHash;
    long totalNanos;
    long pendingNanos;
    long tasksCompleted;

    AccountState(String id, String tokenHash, long totalNanos, long pendingNanos, long tasksCompleted) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.totalNanos = totalNanos;
        this.pendingNanos = pendingNanos;
        this.tasksCompleted = tasksCompleted;
    }
}
