package io.p2c2r.coordinator.store;

/** A stored result that may be served again until {@code expiresAt} (epoch ms), with how far it was checked. */
public record CachedResult(String cacheKey, String taskId, String result, double processingMs, String peerId,
                           long expiresAt, String verification, String resultSha256) {
}
