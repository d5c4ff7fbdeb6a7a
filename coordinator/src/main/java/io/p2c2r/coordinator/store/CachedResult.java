package io.p2c2r.coordinator.store;

/** A stored result that may be served again until {@code expiresAt} (epoch ms). */
public record CachedResult(String cacheKey, String taskId, String result, double processingMs, String peerId,
                           long expiresAt) {
}
