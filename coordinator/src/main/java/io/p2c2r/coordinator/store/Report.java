package io.p2c2r.coordinator.store;

import java.util.List;

/**
 * What {@code coordinator.jar report} prints: the books and the work since a moment, read from one consistent
 * snapshot of the database. Amounts are integer nano-dollars. Immutable.
 */
public record Report(long sinceMillis, long takenAtMillis, List<PeerEarnings> peers, List<GamerSpending> gamers,
                     List<TypeWork> types, Fees fees) {

    /** A peer's earnings on ledger rows by status: pending (a check or hold window), granted, forfeit (outvoted). */
    public record PeerEarnings(String peerId, long runs, long pendingNanos, long grantedNanos, long forfeitRuns) {
    }

    /** What a gamer was charged, over all ledger rows of its tasks. */
    public record GamerSpending(String gamerId, long tasks, long spentNanos) {
    }

    /** Tasks of one type by outcome, and peers' processing time over its runs (median and p99, nearest rank). */
    public record TypeWork(String type, long tasks, long completed, long cached, long failed, long runs,
                           double medianProcessingMs, double p99ProcessingMs) {
    }

    /** Gamers' charges, peers' earnings, and the coordinator's fee net of the checks it paid for (forfeit rows aside). */
    public record Fees(long chargedNanos, long peerEarningsNanos, long feeRevenueNanos, long auditCostNanos) {
    }
}
