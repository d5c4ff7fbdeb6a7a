package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.store.CachedResult;
import io.p2c2r.coordinator.store.StoredTask;
import io.p2c2r.coordinator.store.Tables;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Answers from what the database holds: a {@code get_task}, and a submission whose request id this gamer already
 * used for a task that completed (sent again after a reconnection), which gets that task's answer, not a second
 * run. Store thread.
 */
final class StoredAnswers {
    private StoredAnswers() {}

    /** What a submission's lookup found: a completed earlier task for its request id, else the cache's answer. */
    record Lookup(GamerTaskResult replay, Optional<CachedResult> hit) {
    }

    static Lookup lookup(Tables t, String gamerId, String requestId, String cacheKey, long now) throws SQLException {
        Optional<String> earlier = t.tasks.requested(gamerId, requestId);
        if (earlier.isPresent()) {
            Optional<StoredTask> task = t.tasks.find(earlier.get());
            if (task.isPresent() && finished(task.get())) {
                GamerTaskResult replay = answer(t, requestId, task.get());
                if (replay.ok()) {
                    return new Lookup(replay, Optional.empty());
                }
            } else if (task.isPresent() && t.ledger.chargeOf(task.get().taskId(), false) > 0) {
                // A failure that was billed (cut-off attempts) is answered again, never run and billed twice. A split
                // render's billed tiles are not its own rows: sent again, it runs anew and reuses its completed tiles.
                return new Lookup(ended(t, requestId, task.get()), Optional.empty());
            }
        }
        return new Lookup(null, t.results.find(cacheKey, now));
    }

    static GamerTaskResult find(Tables t, String requestId, String taskId, String gamerId) throws SQLException {
        Optional<StoredTask> found = t.tasks.find(taskId);
        if (found.isEmpty() || !found.get().gamerId().equals(gamerId)) {
            return Replies.error(requestId, null, ErrorCodes.UNKNOWN_TASK, "gamer " + gamerId + " has no task " + taskId, 0, 0);
        }
        StoredTask task = found.get();
        if (!finished(task)) {
            return ended(t, requestId, task);
        }
        return answer(t, requestId, task);
    }

    /** A task that ended without a result, with what its cut-off attempts cost (usually nothing). */
    private static GamerTaskResult ended(Tables t, String requestId, StoredTask task) throws SQLException {
        String why = task.error() != null ? task.error() : "the task ended as " + task.status();
        return Replies.error(requestId, task.taskId(), task.errorCode() != null ? task.errorCode() : ErrorCodes.TIMEOUT,
                why, task.attempts(), t.ledger.chargeOf(task.taskId()));
    }

    private static boolean finished(StoredTask task) {
        return "completed".equals(task.status()) || "cached".equals(task.status());
    }

    /** The task's current result (the canonical one if it was corrected) and what it cost. */
    private static GamerTaskResult answer(Tables t, String requestId, StoredTask task) throws SQLException {
        if ("cached".equals(task.status())) {
            Optional<CachedResult> hit = t.results.find(task.cacheKey(), Long.MIN_VALUE);
            if (hit.isEmpty()) {
                return expired(requestId, task);
            }
            CachedResult c = hit.get();
            return new GamerTaskResult(requestId, task.taskId(), PeerTaskResult.COMPLETED, new RawJson(c.result()), null, null,
                    true, c.processingMs(), Money.ZERO.toUsdString(), 0, c.peerId(), 0, c.verification(), c.resultSha256(), null);
        }
        Optional<String> text = task.resultSha256() == null ? Optional.empty() : t.results.text(task.cacheKey(), task.resultSha256());
        if (text.isEmpty()) {
            return expired(requestId, task);
        }
        long cost = t.ledger.chargeOf(task.taskId());
        String verification = task.verification() != null ? task.verification() : Verification.TRUSTED;
        return new GamerTaskResult(requestId, task.taskId(), PeerTaskResult.COMPLETED, new RawJson(text.get()), null, null,
                false, task.processingMs(), Money.ofNanos(cost).toUsdString(), cost, task.peerId(), task.attempts(),
                verification, task.resultSha256(), null);
    }

    private static GamerTaskResult expired(String requestId, StoredTask task) {
        return Replies.error(requestId, task.taskId(), ErrorCodes.RESULT_EXPIRED, "the result of " + task.taskId()
                + " is no longer kept (results are kept for the cache lifetime)", task.attempts(), 0);
    }
}
