package io.p2c2r.coordinator.store;

/** A run's final amounts once its task's check is decided: status {@code granted} or {@code forfeit}. */
public record SettledShare(String runId, long chargeNanos, long earningNanos, long feeNanos, String status) {
    public static final String GRANTED = "granted";
    public static final String FORFEIT = "forfeit";
    public static final String PENDING = "pending";
}
