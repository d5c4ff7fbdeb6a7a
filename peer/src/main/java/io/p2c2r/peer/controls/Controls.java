package io.p2c2r.peer.controls;

import java.time.Clock;
import java.time.Duration;

/**
 * What a contributor allows: when the peer may work ({@code schedule}, null = always), whether it pauses while
 * other programs use more than {@code pauseWhenBusyPercent} of the CPUs (null = never), how much CPU its compute
 * may use ({@code maxCpuPercent}, null = all), and whether compute threads run at low priority. {@code clock}
 * gives local time for the schedule, {@code sampler} the CPU figures, {@code checkInterval} how often both are
 * looked at. Immutable.
 */
public record Controls(Schedule schedule, Integer pauseWhenBusyPercent, Integer maxCpuPercent, boolean lowPriority,
                       Clock clock, CpuSampler sampler, Duration checkInterval) {
    /** Always available, no cap, normal priority: what embedded and test peers get unless they ask. */
    public static final Controls NONE = new Controls(null, null, null, false, Clock.systemDefaultZone(),
            new ProcCpuSampler(), Duration.ofSeconds(5));

    public Controls {
        if (pauseWhenBusyPercent != null && (pauseWhenBusyPercent < 1 || pauseWhenBusyPercent > 100)) {
            throw new IllegalArgumentException("--pause-when-busy " + pauseWhenBusyPercent + " is out of range [1, 100]");
        }
        if (maxCpuPercent != null && (maxCpuPercent < 1 || maxCpuPercent > 100)) {
            throw new IllegalArgumentException("--max-cpu-percent " + maxCpuPercent + " is out of range [1, 100]");
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("check interval " + checkInterval + " must be positive");
        }
    }

    public Controls withSchedule(Schedule s) {
        return new Controls(s, pauseWhenBusyPercent, maxCpuPercent, lowPriority, clock, sampler, checkInterval);
    }

    public Controls withPauseWhenBusy(Integer percent, CpuSampler s) {
        return new Controls(schedule, percent, maxCpuPercent, lowPriority, clock, s, checkInterval);
    }

    public Controls withMaxCpuPercent(Integer percent) {
        return new Controls(schedule, pauseWhenBusyPercent, percent, lowPriority, clock, sampler, checkInterval);
    }

    public Controls withLowPriority(boolean low) {
        return new Controls(schedule, pauseWhenBusyPercent, maxCpuPercent, low, clock, sampler, checkInterval);
    }

    public Controls withClock(Clock c, Duration interval) {
        return new Controls(schedule, pauseWhenBusyPercent, maxCpuPercent, lowPriority, c, sampler, interval);
    }
}
