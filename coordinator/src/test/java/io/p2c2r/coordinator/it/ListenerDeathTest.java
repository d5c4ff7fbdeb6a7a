package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.coordinator.CoordinatorMain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator whose listener dies does not stay up deaf: it logs why and exits non-zero for systemd. */
class ListenerDeathTest {
    @TempDir
    Path dir;

    @Test
    void whenTheListenerThreadStops_theProcessLogsItAndExits70() throws Exception {
        try (ChildJvm child = new ChildJvm(ListenerInterrupter.class, List.of(), "--port", "0", "--host", "127.0.0.1",
                "--db", dir.resolve("cloud.db").toString())) {
            assertEquals(CoordinatorMain.EXIT_LISTENER_DIED, child.exitCode(60), child.output());
            assertTrue(child.output().contains("ERROR the WebSocket listener stopped unexpectedly; no connection can be accepted;"
                    + " exiting with status 70"), child.output());
            assertTrue(child.output().contains("Shutting down: flushing the database"), "the database is closed cleanly: "
                    + child.output());
        }
    }
}
