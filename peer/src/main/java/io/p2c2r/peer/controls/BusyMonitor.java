package io.p2c2r.peer.controls;

import java.util.Optional;

/**
 * "Pause while the machine is busy", as BOINC's "suspend when non-BOINC CPU usage is above X%": between two
 * samples, the share of all CPU time used by other processes (the machine's busy time minus this process's
 * own). Busy at once when a sample is over the threshold; calm again only after two samples at or under it,
 * so that a flickering load does not make the peer flap. One caller thread (the peer's timer).
 */
public final class BusyMonitor {
    static final int CALM_SAMPLES_TO_RESUME = 2;

    private final CpuSampler sampler;
    private final int thresholdPercent;
    private CpuTimes last;
    private boolean busy;
    private int calmSamples;
    private double lastOthersPercent = Double.NaN;

    public BusyMonitor(CpuSampler sampler, int thresholdPercent) {
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("--pause-when-busy " + thresholdPercent + " is out of range [1, 100] (percent of all CPUs)");
        }
        this.sampler = sampler;
        this.thresholdPercent = thresholdPercent;
    }

    /** Takes a sample; returns true while the machine counts as busy. The first sample only sets the baseline. */
    public boolean busy() {
        Optional<CpuTimes> now = sampler.sample();
        if (now.isEmpty()) {
            return busy; // an unreadable sample changes nothing
        }
        CpuTimes prev = last;
        last = now.get();
        if (prev == null || last.total() <= prev.total()) {
            return busy;
        }
        double total = last.total() - prev.total();
        double others = (last.busy() - prev.busy()) - (last.self() - prev.self());
        lastOthersPercent = Math.max(0, Math.min(100, others * 100 / total));
        if (lastOthersPercent > thresholdPercent) {
            busy = true;
            calmSamples = 0;
        } else if (busy && ++calmSamples >= CALM_SAMPLES_TO_RESUME) {
            busy = false;
        }
        return busy;
    }

    /** The other processes' share of all CPUs at the last sample, in percent; NaN before two samples. */
    public double othersPercent() {
        return lastOthersPercent;
    }

    public int thresholdPercent() {
        return thresholdPercent;
    }
}
