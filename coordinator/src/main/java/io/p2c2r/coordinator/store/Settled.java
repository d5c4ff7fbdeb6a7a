package io.p2c2r.coordinator.store;

import java.util.List;
import java.util.Map;

/**
 * A check's outcome for one task: every run's final share, the moves of each peer's pending and granted totals
 * and of the gamer's spending that they imply, each run's verdict, the task's verification, and the cache
 * entry that now stands for it (or the digest to withdraw from service). Immutable.
 */
public record Settled(String taskId, String gamerId, List<SettledShare> shares, Map<String, long[]> peerDeltas,
                      long gamerChargeDelta, Map<String, String> verdicts, String verification, String resultSha256,
                      boolean corrected, CacheEntry cache, String cacheKey, String withdrawSha256, long now) {
}
