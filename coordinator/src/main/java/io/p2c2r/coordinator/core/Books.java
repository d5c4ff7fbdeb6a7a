package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Rates;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.coordinator.store.Completion;

/**
 * Bills completed tasks: the time billed is what the peer reported, capped by what the coordinator saw,
 * and the running totals of peers, gamers and the coordinator move by exactly the bill. Event loop only.
 */
final class Books {
    private final Rates rates;
    private final long cacheTtlMillis;
    private long revenueNanos;
    private final long revenueAtStartNanos;
    private long completed;

    private final Clock clock;

    Books(Rates rates, long cacheTtlMillis, long revenueNanos, Clock clock) {
        this.rates = rates;
        this.clock = clock;
        this.cacheTtlMillis = cacheTtlMillis;
        this.revenueNanos = revenueNanos;
        this.revenueAtStartNanos = revenueNanos;
    }

    /** Bills {@code task}, completed by {@code peer} with {@code r}; returns what the store must write. */
    Completion settle(Task task, PeerState peer, PeerTaskResult r) {
        long observedMicros = (clock.nanoTime() - task.dispatchedNanos) / 1_000;
        long reportedMicros = Math.round(r.processingTimeMs() * 1_000);
        Rates.Bill bill = rates.bill(Math.min(Math.min(reportedMicros, observedMicros), Rates.MAX_BILLED_MICROS));
        peer.account.totalNanos += bill.peerEarning().nanos();
        peer.account.tasksCompleted++;
        task.gamer.account.totalNanos += bill.gamerCharge().nanos();
        task.gamer.account.tasksCompleted++;
        revenueNanos += bill.fee().nanos();
        completed++;
        long now = clock.millis();
        return new Completion(task.id, task.gamer.account.id, peer.account.id, task.type.wireName(), task.version,
                task.cacheKey, r.result().text(), r.processingTimeMs(), task.attempts, bill, now, now + cacheTtlMillis);
    }

    long revenueNanos() {
        return revenueNanos;
    }

    /** The fees of this run alone: {@link #revenueNanos} less what the database held at start. */
    long runRevenueNanos() {
        return revenueNanos - revenueAtStartNanos;
    }

    long completed() {
        return completed;
    }
}
