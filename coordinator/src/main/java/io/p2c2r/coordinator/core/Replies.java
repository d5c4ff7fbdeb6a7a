package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.TaskCorrected;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.store.CachedResult;
import java.util.Map;

/** The {@code task_result} and {@code task_corrected} messages a gamer receives. Stateless. */
final class Replies {
    private Replies() {}

    /** A task that ended without a result; {@code costNanos} is 0 unless cut-off attempts were billed. */
    static GamerTaskResult error(String requestId, String taskId, String code, String message, int attempts, long costNanos) {
        return new GamerTaskResult(requestId, taskId, PeerTaskResult.ERROR, null, message, code, false, null,
                Money.ofNanos(costNanos).toUsdString(), costNanos, null, attempts, null, null, null);
    }

    static GamerTaskResult cached(Task task, CachedResult c) {
        return new GamerTaskResult(task.requestId, task.id, PeerTaskResult.COMPLETED, new RawJson(c.result()), null, null,
                true, c.processingMs(), Money.ZERO.toUsdString(), 0, c.peerId(), 0, c.verification(), c.resultSha256(), null);
    }

    /** A computed result: the run that produced it, how far it is checked, and what the gamer paid. */
    static GamerTaskResult completed(Task task, Run run, RawJson result, Map<String, Double> metrics, String verification,
                                     long costNanos) {
        Money cost = Money.ofNanos(costNanos);
        return new GamerTaskResult(task.requestId, task.id, PeerTaskResult.COMPLETED, result, null, null, false,
                run.processingMs, cost.toUsdString(), costNanos, run.peerId, task.attempts(), verification, run.sha256,
                metrics);
    }

    static TaskCorrected corrected(Task task, RawJson canonical, String sha) {
        return new TaskCorrected(task.requestId, task.id, Verification.VERIFIED, canonical, sha, 0);
    }

    static TaskCorrected disputed(Task task, long refundNanos) {
        return new TaskCorrected(task.requestId, task.id, Verification.DISPUTED, null, null, refundNanos);
    }
}
