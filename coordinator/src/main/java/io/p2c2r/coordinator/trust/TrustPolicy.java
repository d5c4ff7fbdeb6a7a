package io.p2c2r.coordinator.trust;

/**
 * The rules of adaptive replication, after BOINC's: a peer is trusted for a task type once {@code threshold}
 * consecutive results of that type agreed with other peers; a trusted peer's result is still checked with
 * probability {@code threshold / n} after n agreeing results, never below {@code auditFloor}; one disagreement
 * starts it over. Untrusted peers take at most {@code untrustedDailyCap} tasks a day and hold at most
 * {@code untrustedMaxRunning} at once. Pure and immutable.
 */
public record TrustPolicy(int threshold, double auditFloor, int untrustedDailyCap, int untrustedMaxRunning,
                          boolean sameHostQuorum, int maxRunsPerTask) {
    public TrustPolicy {
        if (threshold < 0 || threshold > 1_000_000) {
            throw new IllegalArgumentException("trust threshold " + threshold + " is out of range [0, 1000000]");
        }
        if (!(auditFloor >= 0 && auditFloor <= 1)) {
            throw new IllegalArgumentException("audit rate " + auditFloor + " is out of range [0, 1]");
        }
        if (untrustedDailyCap < 1) {
            throw new IllegalArgumentException("untrusted daily cap " + untrustedDailyCap + " must be at least 1");
        }
        if (untrustedMaxRunning < 1) {
            throw new IllegalArgumentException("untrusted running limit " + untrustedMaxRunning + " must be at least 1");
        }
        if (maxRunsPerTask < 3 || maxRunsPerTask > 10) {
            throw new IllegalArgumentException("runs per checked task " + maxRunsPerTask + " is out of range [3, 10]");
        }
    }

    /** Threshold 10, audits down to 5%, 500 tasks a day and 2 at once for a newcomer, quorum needs two hosts. */
    public static TrustPolicy defaults() {
        return new TrustPolicy(10, 0.05, 500, 2, false, 4);
    }

    /** Every peer trusted from the start and never audited: no result is checked (tests of other features). */
    public static TrustPolicy trustEveryone() {
        return new TrustPolicy(0, 0, 500, 2, false, 4);
    }

    public boolean trusted(long consecutiveAgreed) {
        return consecutiveAgreed >= threshold;
    }

    /** The chance that a result from a peer with this record is checked: 1 while untrusted. */
    public double checkProbability(long consecutiveAgreed) {
        if (!trusted(consecutiveAgreed)) {
            return 1.0;
        }
        if (consecutiveAgreed == 0) {
            return auditFloor;
        }
        return Math.max(auditFloor, Math.min(1.0, (double) threshold / consecutiveAgreed));
    }
}
