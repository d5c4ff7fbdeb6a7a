package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.GetTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.store.StoredTask;
import io.p2c2r.coordinator.store.Tables;
import java.sql.SQLException;
import java.util.Optional;

/** Answers a {@code get_task} from what the database holds: the task row and its current result. Store thread. */
final class StoredAnswers {
    private StoredAnswers() {}

    static ServerMessage find(Tables t, GetTask g, String gamerId) throws SQLException {
        Optional<StoredTask> found = t.tasks.find(g.taskId());
        if (found.isEmpty() || !found.get().gamerId().equals(gamerId)) {
            return Replies.error(g.requestId(), null, ErrorCodes.UNKNOWN_TASK,
                    "gamer " + gamerId + " has no task " + g.taskId(), 0);
        }
        StoredTask task = found.get();
        if (!"completed".equals(task.status()) && !"cached".equals(task.status())) {
            String why = task.error() != null ? task.error() : "the task ended as " + task.status();
            return Replies.error(g.requestId(), task.taskId(), task.errorCode() != null ? task.errorCode() : ErrorCodes.TIMEOUT,
                    why, task.attempts());
        }
        if ("cached".equals(task.status())) {
            Optional<io.p2c2r.coordinator.store.CachedResult> hit = t.results.find(task.cacheKey(), Long.MIN_VALUE);
            if (hit.isEmpty()) {
                return expired(g, task);
            }
            var c = hit.get();
            return new GamerTaskResult(g.requestId(), task.taskId(), PeerTaskResult.COMPLETED, new RawJson(c.result()), null, null,
                    true, c.processingMs(), Money.ZERO.toUsdString(), 0, c.peerId(), 0, c.verification(), c.resultSha256(), null);
        }
        Optional<String> text = task.resultSha256() == null ? Optional.empty() : t.results.text(task.cacheKey(), task.resultSha256());
        if (text.isEmpty()) {
            return expired(g, task);
        }
        String verification = task.verification() != null ? task.verification() : Verification.TRUSTED;
        return new GamerTaskResult(g.requestId(), task.taskId(), PeerTaskResult.COMPLETED, new RawJson(text.get()), null, null,
                false, task.processingMs(), Money.ZERO.toUsdString(), 0, task.peerId(), task.attempts(), verification,
                task.resultSha256(), null);
    }

    private static ServerMessage expired(GetTask g, StoredTask task) {
        return Replies.error(g.requestId(), task.taskId(), ErrorCodes.RESULT_EXPIRED, "the result of " + task.taskId()
                + " is no longer kept (results are kept for the cache lifetime)", task.attempts());
    }
}
