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

class DestructionExecutorTest {
    private final DestructionExecutor executor = new DestructionExecutor();

    @Test
    void seedData_givesOneHundredFragmentsWithMeshes() {
        Map<String, Object> out = executor.execute(Codec.params(TaskType.PHYSICS_DESTRUCTION.seedData()),
                ExecutionContext.sequential());
        // Complexity 100 at depth 2 is met exactly (see FracturerTest.predictedCount_forTheSeed_isExactlyOneHundred).
        assertEquals(100, out.get("fragment_count"));
        assertTrue((double) out.get("volume_relative_error") < 1e-9);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) out.get("fragments")).get(0);
        assertTrue(((double[]) first.get("vertices")).length >= 12, "a fragment has at least 4 vertices");
        assertTrue(((List<?>) first.get("faces")).size() >= 4, "and at least 4 faces");
    }

    @Test
    void sameSeed_givesSameFragments_onAnyThreadCount() {
        String data = "{\"complexity\":120,\"fracture_depth\":2,\"seed\":9,\"simulate_steps\":30}";
        String a = Codec.toRaw(executor.execute(Codec.params(data), ExecutionContext.sequential())).toString();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            String b = Codec.toRaw(executor.execute(Codec.params(data), new PoolContext(pool, 4, () -> false))).toString();
            assertEquals(a, b);
        } finally {
            pool.shutdownNow();
        }
        String other = Codec.toRaw(executor.execute(Codec.params(data.replace("\"seed\":9", "\"seed\":10")),
                ExecutionContext.sequential())).toString();
        assertTrue(!a.equals(other), "a different seed cuts differently");
    }

    @Test
    void simulatedFragments_getFinitePoses() {
        Map<String, Object> out = executor.execute(Codec.params("{\"complexity\":30,\"simulate_steps\":60}"),
                ExecutionContext.sequential());
        for (Object o : (List<?>) out.get("fragments")) {
            double[] p = (double[]) ((Map<?, ?>) ((Map<?, ?>) o).get("final_pose")).get("position");
            assertTrue(Double.isFinite(p[0] + p[1] + p[2]) && p[1] > -0.1, "above the ground: " + p[1]);
        }
    }

    @Test
    void badInputs_areRefused() {
        assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params("{\"complexity\":2001}")));
        assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"complexity\":2000,\"simulate_steps\":600}")));
        InvalidTaskException open = assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"solid\":{\"planes\":[[0,1,0,1]]}}")));
        assertTrue(open.getMessage().contains("do not bound"), open.getMessage());
        assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"solid\":{\"vertices\":[[0,0,0],[1,0,0],[0,1,0],[1,1,0]]}}")));
    }

    @Test
    void solidGivenAsVertices_isFracturedWholly() {
        Map<String, Object> out = executor.execute(Codec.params("{\"complexity\":40,\"solid\":{\"vertices\":"
                + "[[0,0,0],[2,0,0],[0,2,0],[0,0,2]]}}"), ExecutionContext.sequential());
        // The corner tetrahedron with legs 2 has volume 2^3 / 6 = 4/3.
        assertEquals(4.0 / 3, (double) out.get("solid_volume"), 1e-12);
        assertTrue((double) out.get("volume_relative_error") < 1e-9);
    }
}
