package io.p2c2r.peer.controls;

import java.time.LocalTime;

/**
 * Decides whether the peer may take work now, from its schedule and the machine's load. One caller thread
 * (the peer's timer): the busy monitor keeps the previous sample.
 */
public final class Availability {
    private final Schedule schedule;
    private final BusyMonitor busy;
    private final java.time.Clock clock;

    public Availability(Controls controls) {
        this.schedule = controls.schedule();
        this.busy = controls.pauseWhenBusyPercent() == null ? null
                : new BusyMonitor(controls.sampler(), controls.pauseWhenBusyPercent());
        this.clock = controls.clock();
    }

    /** Null when the peer may work now; otherwise why it should pause, for the console and the coordinator. */
    public String pauseReason() {
        boolean machineBusy = busy != null && busy.busy(); // sampled every time, so its baseline stays fresh
        if (schedule != null && !schedule.allows(LocalTime.now(clock))) {
            return "outside the schedule " + schedule;
        }
        if (machineBusy) {
            return String.format("other programs use %.0f%% of the CPU (limit %d%%)", busy.othersPercent(), busy.thresholdPercent());
        }
        return null;
    }
}
