package io.p2c2r.peer.controls;

/**
 * Cumulative CPU time since boot, in clock ticks: {@code total} of all CPUs, {@code busy} (all but idle and
 * I/O wait), and {@code self}, this process's own user and system time. Immutable.
 */
public record CpuTimes(long total, long busy, long self) {
}
