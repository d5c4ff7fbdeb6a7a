package io.p2c2r.coordinator.store;

/**
 * A result to keep under its cache key, with how far it was checked. Only {@code verified} and {@code trusted}
 * entries are ever served; a pending one waits for its check, and never replaces a servable one.
 */
public record CacheEntry(String cacheKey, String taskId, String taskType, String version, String result,
                         String resultSha256, double processingMs, String peerId, String verification,
                         long now, long expiresAt) {
}
