package io.p2c2r.coordinator.store;

import io.p2c2r.common.money.Rates;

/** Everything one completed task writes: ledger row, both parties' totals, the task row and the cached result. */
public record Completion(String taskId, String gamerId, String peerId, String taskType, String version,
                         String cacheKey, String result, double processingMs, int attempts, Rates.Bill bill,
                         long now, long expiresAt) {
}
