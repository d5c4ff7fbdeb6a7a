package io.p2c2r.peer.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class LowPriorityTest {
    @Test
    void computeThreads_getMinPriority_andOnLinuxNice19() throws Exception {
        LowPriority low = new LowPriority(true);
        ThreadFactory f = low.wrap(Executors.defaultThreadFactory());
        int[] priority = new int[1];
        long[] tid = {-1};
        Thread t = f.newThread(() -> {
            priority[0] = Thread.currentThread().getPriority();
            try {
                tid[0] = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                // Field 19 of /proc/<tid>/stat is the nice value; count fields after the command name's ')'.
                String[] f2 = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                priority[0] = priority[0] * 100 + Integer.parseInt(f2[16]);
            } catch (Exception e) {
                tid[0] = -2;
            }
        });
        t.start();
        t.join(10_000);
        if (!Files.exists(Path.of("/proc/thread-self"))) {
            assertEquals(-2, tid[0], "not Linux: only the Java priority");
            return;
        }
        assertEquals(Thread.MIN_PRIORITY * 100 + LowPriority.NICE, priority[0], low.describe());
        assertTrue(low.loweredThreadIds().contains(tid[0]));
        assertTrue(low.describe().contains("nice 19"), low.describe());
    }

    @Test
    void disabled_leavesThreadsAlone() {
        LowPriority off = new LowPriority(false);
        ThreadFactory base = Executors.defaultThreadFactory();
        assertEquals(base, off.wrap(base));
        assertFalse(off.describe().contains("nice"));
    }
}
