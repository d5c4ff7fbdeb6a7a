package io.p2c2r.peer.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuCapTest {
    @Test
    void noCap_keepsTheWorkersAndSharesAllCores() {
        CpuCap c = CpuCap.of(null, 4, 8);
        assertEquals(new CpuCap(100, 4, 7, 8, 1.0), c);
    }

    @Test
    void cap_isWholeThreadsNeverAbove_theFractionUnused() {
        // 50% of 8 cores = 4 threads: 4 tasks of one thread each, or 1 task with 3 helpers.
        assertEquals(new CpuCap(50, 4, 0, 1, 1.0), CpuCap.of(50, 8, 8));
        assertEquals(new CpuCap(50, 1, 3, 4, 1.0), CpuCap.of(50, 1, 8));
        // 75% of 2 cores = 1.5: one thread (the half core left unused keeps the cap a cap).
        assertEquals(new CpuCap(75, 1, 0, 1, 1.0), CpuCap.of(75, 2, 2));
    }

    @Test
    void belowOneCore_oneThreadIsDutyCycled() {
        CpuCap c = CpuCap.of(25, 2, 2);
        assertEquals(1, c.slots());
        assertEquals(0, c.helpers());
        assertEquals(0.5, c.duty(), 1e-12);
    }

    @Test
    void outOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuCap.of(0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> CpuCap.of(101, 1, 2));
    }
}
