package io.p2c2r.coordinator.store;

/** A new {@code tasks} row, as the event loop hands it to the store. */
public record TaskRow(String taskId, String requestId, String gamerId, String taskType, String algorithmVersion,
                      String cacheKey, String data, long submittedAt, String verifyMode) {
}
