package io.p2c2r.peer;

import io.p2c2r.common.money.Money;
import java.util.concurrent.atomic.AtomicLong;

/** The peer's running figures for its console; updated from worker and socket threads, so atomic. */
public final class PeerStats {
    private final long startNanos = System.nanoTime();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong handedBack = new AtomicLong();
    private final AtomicLong busyMicros = new AtomicLong();
    private final AtomicLong earnedNanos = new AtomicLong();

    void taskFinished(boolean ok, double ms) {
        (ok ? completed : failed).incrementAndGet();
        busyMicros.addAndGet(Math.round(ms * 1000));
    }

    void handedBack() {
        handedBack.incrementAndGet();
    }

    void earned(long nanos) {
        earnedNanos.addAndGet(nanos);
    }

    public long completed() {
        return completed.get();
    }

    public long failed() {
        return failed.get();
    }

    public long handedBackCount() {
        return handedBack.get();
    }

    public Money earned() {
        return Money.ofNanos(earnedNanos.get());
    }

    private String tail() {
        long f = failed.get();
        long h = handedBack.get();
        if (f == 0 && h == 0) {
            return "";
        }
        return " (" + (f > 0 ? f + " failed" : "") + (f > 0 && h > 0 ? ", " : "") + (h > 0 ? h + " handed back" : "") + ")";
    }

    /** The seed's "Peer Statistics" block. */
    String render() {
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        long done = completed.get();
        long all = done + failed.get();
        double avg = all == 0 ? 0 : busyMicros.get() / 1000.0 / all;
        long hourly = minutes <= 0 ? 0 : Math.round(earnedNanos.get() / (minutes / 60.0));
        return String.format("%n Peer Statistics:%n   Uptime: %.1f minutes%n   Tasks completed: %d%s%n"
                        + "   Total earned: %s%n   Avg task time: %.1fms%n   Hourly rate: %s/hr%n%n",
                minutes, done, tail(), earned().format(9), avg,
                Money.ofNanos(hourly).format(6));
    }
}
