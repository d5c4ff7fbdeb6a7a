package io.p2c2r.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutorRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(1);
    private final ExecutorRegistry registry = ExecutorRegistry.builtIn();
    private final TaskRunner runner = new TaskRunner(registry, pool, 2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private String version() {
        return registry.find(TaskType.AI_PATHFINDING).orElseThrow().version();
    }

    @Test
    void seedTask_completes_withTheAlgorithmsResult() {
        PeerTaskResult r = runner.run(new ExecuteTask("t1", "ai_pathfinding", Codec.raw(TaskType.AI_PATHFINDING.seedData()),
                version(), 10_000), () -> false);
        assertEquals(PeerTaskResult.COMPLETED, r.status(), r.error());
        assertTrue(r.result().text().contains("\"path\""), r.result().text());
    }

    @Test
    void otherAlgorithmVersion_isRefused_asNotAvailable() {
        PeerTaskResult r = runner.run(new ExecuteTask("t2", "ai_pathfinding", Codec.raw("{}"), "0.0.1-old", 10_000), () -> false);
        assertEquals(ErrorCodes.NOT_AVAILABLE, r.errorCode());
        assertTrue(r.error().contains("0.0.1-old"), r.error());
    }

    @Test
    void inputBeyondLimits_isRefused_withoutRunning() {
        PeerTaskResult r = runner.run(new ExecuteTask("t3", "ai_pathfinding",
                Codec.raw("{\"start\":[0,0],\"end\":[5,5],\"width\":100000000,\"height\":100000000}"), version(), 10_000), () -> false);
        assertEquals(ErrorCodes.INVALID_TASK, r.errorCode());
        assertTrue(r.error().contains("data.width"), r.error());
    }

    @Test
    void unknownType_isRefused() {
        PeerTaskResult r = runner.run(new ExecuteTask("t4", "shell_command", Codec.raw("{}"), "1", 10_000), () -> false);
        assertEquals(ErrorCodes.NOT_AVAILABLE, r.errorCode());
    }
}
