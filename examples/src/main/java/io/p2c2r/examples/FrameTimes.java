package io.p2c2r.examples;

import java.util.Arrays;

/**
 * Frame figures of one kind of frame (with or without P2C2R work in flight): the interval from the previous frame's
 * start (what a player sees; 16.7 ms at 60 Hz) and the time the frame's own work took. Game-loop thread only.
 */
final class FrameTimes {
    private double[] intervals = new double[1024];
    private double[] work = new double[1024];
    private int n;

    void add(double intervalMs, double workMs) {
        if (n == intervals.length) {
            intervals = Arrays.copyOf(intervals, n * 2);
            work = Arrays.copyOf(work, n * 2);
        }
        intervals[n] = intervalMs;
        work[n] = workMs;
        n++;
    }

    int count() {
        return n;
    }

    /** {@code p50 / p95 / p99 / max} of the intervals, then of the work, in ms; "no frames" if none. */
    String describe() {
        if (n == 0) {
            return "no frames";
        }
        return String.format("interval p50 %.2f / p95 %.2f / p99 %.2f / max %.2f ms; work p50 %.3f / p99 %.3f / max %.3f ms",
                pct(intervals, 50), pct(intervals, 95), pct(intervals, 99), pct(intervals, 100),
                pct(work, 50), pct(work, 99), pct(work, 100));
    }

    double intervalPercentile(int p) {
        return pct(intervals, p);
    }

    private double pct(double[] values, int p) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, i))];
    }
}
