package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.Coordinator;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.CoordinatorMain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only one coordinator opens a database file at a time, and a killed one does not block the next. */
class SingleCoordinatorTest {
    @TempDir
    Path dir;

    private CoordinatorConfig config(Path db) {
        return CoordinatorConfig.builder().listen("127.0.0.1", 0).database(db).build();
    }

    @Test
    void aSecondCoordinator_onTheSameDatabase_isRefused_withAClearError() throws Exception {
        Path db = dir.resolve("cloud.db");
        try (ChildJvm first = new ChildJvm(CoordinatorMain.class, List.of(), "--port", "0", "--host", "127.0.0.1",
                "--db", db.toString(), "--quiet")) {
            first.await("Starting server on", 60);
            try (ChildJvm second = new ChildJvm(CoordinatorMain.class, List.of(), "--port", "0", "--host", "127.0.0.1",
                    "--db", db.toString(), "--quiet")) {
                assertEquals(1, second.exitCode(60), second.output());
                assertTrue(second.output().contains("coordinator: database " + db + " is in use by another coordinator (process "),
                        second.output());
            }
            RuntimeException inProcess = assertThrows(RuntimeException.class,
                    () -> Coordinator.start(config(db), Console.silent()));
            assertTrue(inProcess.getMessage().contains("is in use by another coordinator"), inProcess.getMessage());
        }
    }

    @Test
    void aCoordinatorKilledWithSigkill_doesNotBlockTheNextStart() throws Exception {
        Path db = dir.resolve("cloud.db");
        try (ChildJvm crashed = new ChildJvm(CoordinatorMain.class, List.of(), "--port", "0", "--host", "127.0.0.1",
                "--db", db.toString(), "--quiet")) {
            crashed.await("Starting server on", 60);
            crashed.kill();
            assertNotEquals(0, crashed.exitCode(10));
        }
        try (Coordinator next = Coordinator.start(config(db), Console.silent())) {
            assertTrue(next.port() > 0);
        }
    }
}
