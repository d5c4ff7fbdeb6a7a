package io.p2c2r.peer.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusyMonitorTest {
    /** Samples fed by hand: each step adds {@code total} ticks, of which {@code busy}, of which {@code self} are ours. */
    private static CpuSampler steps(long[]... steps) {
        ArrayDeque<CpuTimes> queue = new ArrayDeque<>();
        long total = 1000;
        long busy = 100;
        long self = 10;
        queue.add(new CpuTimes(total, busy, self));
        for (long[] s : steps) {
            total += s[0];
            busy += s[1];
            self += s[2];
            queue.add(new CpuTimes(total, busy, self));
        }
        return () -> Optional.ofNullable(queue.poll());
    }

    @Test
    void othersUse_isBusyMinusOwn_asAShareOfAllCpus() {
        // 200 ticks pass (2 CPUs x 100); 150 busy, of which 100 are this peer: others use 50/200 = 25%.
        BusyMonitor m = new BusyMonitor(steps(new long[] {200, 150, 100}), 20);
        assertFalse(m.busy(), "the first sample is only the baseline");
        assertTrue(m.busy());
        assertEquals(25.0, m.othersPercent(), 1e-9);
    }

    @Test
    void ownLoad_neverCountsAsBusy() {
        BusyMonitor m = new BusyMonitor(steps(new long[] {200, 200, 195}, new long[] {200, 200, 200}), 10);
        m.busy();
        assertFalse(m.busy());
        assertFalse(m.busy());
        assertEquals(0.0, m.othersPercent(), 1e-9);
    }

    @Test
    void busyAtOnce_calmAgainOnlyAfterTwoCalmSamples() {
        BusyMonitor m = new BusyMonitor(steps(new long[] {100, 90, 0}, new long[] {100, 10, 0}, new long[] {100, 90, 0},
                new long[] {100, 10, 0}, new long[] {100, 10, 0}), 50);
        m.busy();
        List<Boolean> seen = List.of(m.busy(), m.busy(), m.busy(), m.busy(), m.busy());
        assertEquals(List.of(true, true, true, true, false), seen);
    }

    @Test
    void unreadableSamples_changeNothing_andThresholdIsChecked() {
        BusyMonitor m = new BusyMonitor(Optional::empty, 50);
        assertFalse(m.busy());
        assertTrue(Double.isNaN(m.othersPercent()));
        assertThrows(IllegalArgumentException.class, () -> new BusyMonitor(Optional::empty, 0));
        assertThrows(IllegalArgumentException.class, () -> new BusyMonitor(Optional::empty, 101));
    }
}
