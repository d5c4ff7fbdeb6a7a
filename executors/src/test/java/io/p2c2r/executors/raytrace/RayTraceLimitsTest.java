package io.p2c2r.executors.raytrace;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class RayTraceLimitsTest {
    /** A context that fails the test if the executor starts any parallel work. */
    static final ExecutionContext NO_WORK = new ExecutionContext() {
        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void parallelFor(int count, IntConsumer body) {
            throw new AssertionError("work started for an input that should have been refused");
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private static String refused(TaskExecutor executor, String data) {
        assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params(data)));
        return assertThrows(InvalidTaskException.class, () -> executor.execute(Codec.params(data), NO_WORK)).getMessage();
    }

    @Test
    void globalIllumination_beyondRayBudget_isRefusedBeforeAnyWork() {
        String msg = refused(new GlobalIlluminationExecutor(), "{\"resolution\":[1920,1080],\"samples_per_pixel\":1000,\"bounces\":2}");
        assertTrue(msg.contains("data") && msg.contains("rays") && msg.contains("400000000"), msg);
    }

    @Test
    void shadows_ultraAtFullHd_isRefusedBeforeAnyWork() {
        String msg = refused(new ShadowsExecutor(), "{\"quality\":\"ultra\",\"lights\":3,\"resolution\":[1920,1080]}");
        assertTrue(msg.contains("shadow samples"), msg);
    }

    @Test
    void reflections_deepBouncesAtFullHd_isRefusedBeforeAnyWork() {
        String msg = refused(new ReflectionsExecutor(), "{\"resolution\":[1920,1080],\"bounces\":8,\"lights\":8}");
        assertTrue(msg.contains("bounces"), msg);
    }

    @Test
    void resolution_overTheFrameLimit_isRefused() {
        String msg = refused(new ReflectionsExecutor(), "{\"resolution\":[2560,1440],\"bounces\":0}");
        assertTrue(msg.contains("data.resolution") && msg.contains("2073600"), msg);
    }

    @Test
    void tile_outsideTheFrame_isRefused() {
        String msg = refused(new ShadowsExecutor(), "{\"resolution\":[64,36],\"tile\":[0,0,65,10]}");
        assertTrue(msg.contains("data.tile"), msg);
    }

    @Test
    void unknownFieldsAndBadValues_areRefusedWithTheirPath() {
        assertTrue(refused(new ShadowsExecutor(), "{\"quality\":\"extreme\"}").contains("data.quality"));
        assertTrue(refused(new ShadowsExecutor(), "{\"qualty\":\"low\"}").contains("data.qualty"));
        assertTrue(refused(new ReflectionsExecutor(), "{\"lights\":9}").contains("data.lights"));
        assertTrue(refused(new GlobalIlluminationExecutor(), "{\"bounces\":17}").contains("data.bounces"));
        assertTrue(refused(new GlobalIlluminationExecutor(), "{\"samples_per_pixel\":0}").contains("data.samples_per_pixel"));
    }

    @Test
    void scene_withBadReferencesOrShapes_isRefusedWithTheirPath() {
        String camera = "\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0]}";
        assertTrue(refused(new ReflectionsExecutor(), "{\"scene\":{" + camera
                + ",\"materials\":[{\"type\":\"diffuse\"}],\"spheres\":[{\"center\":[0,0,0],\"radius\":1,\"material\":3}]}}")
                .contains("data.scene.spheres[0].material"));
        assertTrue(refused(new ReflectionsExecutor(), "{\"scene\":{" + camera
                + ",\"materials\":[{}],\"meshes\":[{\"vertices\":[[0,0,0],[1,0,0],[2,0,0]],\"faces\":[[0,1,2]]}]}}")
                .contains("data.scene.meshes[0].faces[0]"));
        assertTrue(refused(new ReflectionsExecutor(), "{\"scene\":{\"materials\":[{}]}}").contains("data.scene.camera"));
        assertTrue(refused(new ReflectionsExecutor(), "{\"lights\":2,\"scene\":{" + camera + "}}").contains("data.lights"));
        assertTrue(refused(new ReflectionsExecutor(), "{\"scene\":{" + camera + ",\"materials\":[{\"type\":\"emissive\"}]}}")
                .contains("data.scene.materials[0].emission"));
    }
}
