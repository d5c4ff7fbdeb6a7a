package io.p2c2r.coordinator.core;

import io.p2c2r.common.task.TaskType;

/**
 * How one gamer's task ended, as a {@link TaskObserver} hears it: outcome (completed, cached, failed, timeout,
 * cancelled, interrupted), the error code if any, time from submission to answer, what the gamer was told it paid,
 * and, when a peer computed it, which peer and how long the peer took. Immutable.
 */
public record TaskEnd(String taskId, TaskType type, String gamerId, String outcome, String errorCode, String verification,
                      String peerId, double endToEndMs, double processingMs, long costNanos, long finishedAtMillis) {
}
