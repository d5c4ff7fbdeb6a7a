package io.p2c2r.coordinator.store;

/** A completed run of a task on a peer: who, from where, what it computed, and the work it reported. */
public record RunRow(String runId, String taskId, String peerId, String host, String kind, String resultSha256,
                     Long workUnits, double processingMs, long finishedAt) {
}
