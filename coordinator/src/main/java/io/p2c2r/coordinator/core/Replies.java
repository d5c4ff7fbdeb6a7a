package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.money.Rates;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.coordinator.store.CachedResult;

/** The {@code task_result} messages a gamer receives. Stateless. */
final class Replies {
    private Replies() {}

    static GamerTaskResult error(String requestId, String taskId, String code, String message, int attempts) {
        return new GamerTaskResult(requestId, taskId, PeerTaskResult.ERROR, null, message, code, false, null,
                Money.ZERO.toUsdString(), 0, null, attempts);
    }

    static GamerTaskResult cached(Task task, CachedResult c) {
        return new GamerTaskResult(task.requestId, task.id, PeerTaskResult.COMPLETED, new RawJson(c.result()), null, null,
                true, c.processingMs(), Money.ZERO.toUsdString(), 0, c.peerId(), 0);
    }

    static GamerTaskResult completed(Task task, PeerTaskResult r, Rates.Bill bill, String peerId) {
        return new GamerTaskResult(task.requestId, task.id, PeerTaskResult.COMPLETED, r.result(), null, null, false,
                r.processingTimeMs(), bill.gamerCharge().toUsdString(), bill.gamerCharge().nanos(), peerId, task.attempts);
    }
}
