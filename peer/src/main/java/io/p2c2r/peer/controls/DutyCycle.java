package io.p2c2r.peer.controls;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a computing thread rest so that it uses at most {@code duty} of one core: after each slice of CPU time
 * it sleeps {@code slice x (1 - duty) / duty}. CPU time, not wall time, so time spent idle between tasks or
 * descheduled is never paid for twice. Called at the executors' checkpoints; thread-safe (state per thread).
 */
public final class DutyCycle {
    public static final DutyCycle FULL = new DutyCycle(1.0);
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Reading thread CPU time is a system call; look at it at most this often. */
    private static final long LOOK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final double duty;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ThreadLocal<long[]> state = ThreadLocal.withInitial(() -> new long[] {-1, 0});

    public DutyCycle(double duty) {
        if (!(duty > 0 && duty <= 1)) {
            throw new IllegalArgumentException("duty " + duty + " is out of range (0, 1]");
        }
        this.duty = duty;
    }

    public boolean limits() {
        return duty < 1;
    }

    /** Rests now if this thread has computed a full slice since its last rest. */
    public void pace() {
        if (duty >= 1) {
            return;
        }
        long[] s = state.get(); // s[0]: CPU time at the last rest, s[1]: wall time of the last look
        long wall = System.nanoTime();
        if (s[0] >= 0 && wall - s[1] < LOOK_EVERY_NANOS) {
            return;
        }
        s[1] = wall;
        long cpu = threads.getCurrentThreadCpuTime();
        if (s[0] < 0) {
            s[0] = cpu;
            return;
        }
        long ran = cpu - s[0];
        if (ran >= SLICE_NANOS) {
            long rest = (long) (ran * (1 - duty) / duty);
            long until = System.nanoTime() + rest;
            for (long left = rest; left > 0 && !Thread.currentThread().isInterrupted(); left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            s[0] = threads.getCurrentThreadCpuTime();
            s[1] = System.nanoTime();
        }
    }
}
