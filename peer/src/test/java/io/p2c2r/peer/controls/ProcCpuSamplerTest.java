package io.p2c2r.peer.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcCpuSamplerTest {
    @Test
    void parsesTheCpuLine_idleAndIowaitAreNotBusy() {
        String stat = "cpu  100 5 50 1000 20 3 2 1 7 0\ncpu0 50 2 25 500 10 1 1 0 0 0\nintr 12345\n";
        long[] m = ProcCpuSampler.parseMachine(stat);
        assertEquals(100 + 5 + 50 + 1000 + 20 + 3 + 2 + 1, m[0], "user..steal; guest is inside user");
        assertEquals(m[0] - 1000 - 20, m[1]);
    }

    @Test
    void parsesOwnTimes_evenWithSpacesAndParensInTheName() {
        String self = "4242 (java (my) peer) S 1 4242 4242 0 -1 4194304 100 0 0 0 731 42 0 0 20 0 30 0 12345 0 0";
        assertEquals(731 + 42, ProcCpuSampler.parseSelf(self));
    }

    @Test
    void onLinux_readsRealFigures_elsewhereSaysUnavailable() {
        ProcCpuSampler real = new ProcCpuSampler();
        boolean linux = System.getProperty("os.name").toLowerCase().contains("linux");
        assertEquals(linux, real.available(), "/proc/stat is there exactly on Linux");
        if (linux) {
            CpuTimes t = real.sample().orElseThrow();
            assertTrue(t.total() > 0 && t.busy() <= t.total() && t.self() > 0, t.toString());
        }
        assertFalse(new ProcCpuSampler(Path.of("/nonexistent/stat"), Path.of("/nonexistent/self")).sample().isPresent());
    }
}
