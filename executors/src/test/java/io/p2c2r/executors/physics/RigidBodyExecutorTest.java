package io.p2c2r.executors.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RigidBodyExecutorTest {
    private final RigidBodyExecutor executor = new RigidBodyExecutor();

    @Test
    void seedData_returnsEveryBodysState() {
        Map<String, Object> out = executor.execute(Codec.params(TaskType.PHYSICS_RIGID_BODY.seedData()),
                ExecutionContext.sequential());
        // The seed asks for 20 generated bodies and 5 steps.
        assertEquals(20, ((List<?>) out.get("bodies")).size());
        assertEquals(5, out.get("steps"));
        assertTrue((double) out.get("kinetic_energy") > 0);
    }

    @Test
    void sameInput_givesSameOutput_onAnyThreadCount() throws Exception {
        String data = "{\"num_objects\":60,\"simulation_steps\":120,\"seed\":3,\"record_every\":30}";
        String sequential = Codec.toRaw(executor.execute(Codec.params(data), ExecutionContext.sequential())).toString();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            String parallel = Codec.toRaw(executor.execute(Codec.params(data), new PoolContext(pool, 4, () -> false))).toString();
            assertEquals(sequential, parallel);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenBodies_areUsed_andRecordedFramesHaveSevenNumbersPerBody() {
        String data = "{\"bodies\":[{\"shape\":\"sphere\",\"radius\":0.5,\"position\":[0,2,0]},"
                + "{\"shape\":\"box\",\"half_extents\":[1,0.5,1],\"mass\":0,\"position\":[3,0.5,0]}],"
                + "\"simulation_steps\":10,\"record_every\":5}";
        Map<String, Object> out = executor.execute(Codec.params(data), ExecutionContext.sequential());
        List<?> frames = (List<?>) out.get("frames");
        // Steps 0 and 5 plus the final state; 2 bodies x (3 position + 4 orientation) numbers each.
        assertEquals(3, frames.size());
        assertEquals(14, ((double[]) ((Map<?, ?>) frames.get(0)).get("poses")).length);
        Map<?, ?> fixed = (Map<?, ?>) ((List<?>) out.get("bodies")).get(1);
        assertEquals(3.0, ((double[]) fixed.get("position"))[0], "a static body (mass 0) never moves");
    }

    @Test
    void tooMuchWork_isRefusedBeforeRunning() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class,
                () -> executor.validate(Codec.params("{\"num_objects\":2000,\"simulation_steps\":10000}")));
        assertTrue(e.getMessage().contains("1500000"), e.getMessage());
        assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params("{\"num_object\":5}")));
        assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"bodies\":[{\"shape\":\"cone\",\"position\":[0,0,0]}]}")));
    }
}
