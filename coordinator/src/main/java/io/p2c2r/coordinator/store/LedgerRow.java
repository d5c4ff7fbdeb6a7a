package io.p2c2r.coordinator.store;

/**
 * One completed run's row in the ledger, as first written: provisional amounts, {@code pending}, granted after
 * {@code holdUntil} unless a check settles it first ({@link #HELD} while a check is open). Immutable.
 */
public record LedgerRow(String runId, String taskId, String gamerId, String peerId, String kind, Long workUnits,
                        long billedMicros, long chargeNanos, long earningNanos, long feeNanos, long holdUntil,
                        long createdAt) {
    /** The hold of a row whose task is being checked: only the check's settlement decides it. */
    public static final long HELD = Long.MAX_VALUE;

    public LedgerRow {
        if (chargeNanos != earningNanos + feeNanos) {
            throw new IllegalStateException("unbalanced ledger row for " + runId + ": " + chargeNanos + " != "
                    + earningNanos + " + " + feeNanos);
        }
    }
}
