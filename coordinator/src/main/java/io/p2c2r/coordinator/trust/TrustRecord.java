package io.p2c2r.coordinator.trust;

/**
 * One peer's record for one task type: consecutive agreeing results (what trust rests on), lifetime counts,
 * and how many tasks it started today while untrusted. Mutable; event loop only.
 */
public final class TrustRecord {
    public final String peerId;
    public final String taskType;
    long consecutive;
    long agreed;
    long disagreed;
    long lastDisagreedAt;
    long day;
    int startedToday;

    public TrustRecord(String peerId, String taskType, long consecutive, long agreed, long disagreed,
                       long lastDisagreedAt, long day, int startedToday) {
        this.peerId = peerId;
        this.taskType = taskType;
        this.consecutive = consecutive;
        this.agreed = agreed;
        this.disagreed = disagreed;
        this.lastDisagreedAt = lastDisagreedAt;
        this.day = day;
        this.startedToday = startedToday;
    }

    /** A copy to hand to another thread (the store). */
    public TrustRecord copy() {
        return new TrustRecord(peerId, taskType, consecutive, agreed, disagreed, lastDisagreedAt, day, startedToday);
    }

    static TrustRecord fresh(String peerId, String taskType) {
        return new TrustRecord(peerId, taskType, 0, 0, 0, 0, 0, 0);
    }

    public long consecutive() {
        return consecutive;
    }

    public long agreed() {
        return agreed;
    }

    public long disagreed() {
        return disagreed;
    }

    public long lastDisagreedAt() {
        return lastDisagreedAt;
    }

    public long day() {
        return day;
    }

    public int startedToday() {
        return startedToday;
    }
}
