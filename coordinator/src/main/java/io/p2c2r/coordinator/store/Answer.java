package io.p2c2r.coordinator.store;

/**
 * A gamer was answered with a computed result: its charge, the task row's new state, how far the result was
 * checked, and the cache entry to keep (null if nothing is to be cached). Immutable.
 */
public record Answer(String taskId, String gamerId, String peerId, int attempts, double processingMs, long chargeNanos,
                     String verification, String resultSha256, CacheEntry cache, long now) {
}
