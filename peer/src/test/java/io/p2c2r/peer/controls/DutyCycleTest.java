package io.p2c2r.peer.controls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.ExecutionContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class DutyCycleTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Spins through the context's checkpoints until the thread has used {@code cpuNanos} of CPU; returns wall nanos. */
    private static long spin(ExecutionContext ctx, long cpuNanos) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        double sink = 0;
        while (THREADS.getCurrentThreadCpuTime() - cpu0 < cpuNanos) {
            for (int i = 0; i < 20_000; i++) {
                sink += Math.sqrt(i);
            }
            ctx.checkCancelled();
        }
        assertTrue(sink > 0);
        return System.nanoTime() - t0;
    }

    @Test
    void aQuarterDuty_restsThreeTimesAsLongAsItComputes() {
        ExecutionContext ctx = new ThrottledContext(ExecutionContext.sequential(), new DutyCycle(0.25));
        long cpu = 400_000_000L;
        long wall = spin(ctx, cpu);
        // Rests are sleeps of 3x each slice of CPU, so wall >= ~4x CPU whatever the machine's speed; one slice of slack.
        assertTrue(wall >= 4 * (cpu - DutyCycle.SLICE_NANOS), "wall " + wall / 1e6 + " ms for " + cpu / 1e6 + " ms of CPU");
    }

    @Test
    void fullDuty_neverRests() {
        assertTrue(!DutyCycle.FULL.limits());
        assertTrue(new DutyCycle(0.5).limits());
    }
}
