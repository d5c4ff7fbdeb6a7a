package io.p2c2r.coordinator.store;

/** A task as the {@code tasks} table keeps it, for answering {@code get_task}. */
public record StoredTask(String taskId, String requestId, String gamerId, String taskType, String cacheKey, String status,
                         String verification, String resultSha256, boolean corrected, String errorCode, String error,
                         String peerId, int attempts, Double processingMs) {
}
