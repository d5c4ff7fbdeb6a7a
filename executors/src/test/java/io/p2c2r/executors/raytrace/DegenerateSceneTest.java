package io.p2c2r.executors.raytrace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.executors.ExecutionContext;
import org.junit.jupiter.api.Test;

/**
 * Scenes inside every documented size limit that defeat the BVH (issue 9, "Work": 60,000 identical triangles cost
 * 220 µs a ray) are refused after the BVH is built and before any ray is cast.
 */
class DegenerateSceneTest {
    /** Fails the test if the executor starts rendering. */
    private static final ExecutionContext NO_RAYS = RayTraceLimitsTest.NO_WORK;

    /** {@code count} copies of one triangle, or with {@code spread} a row of distinct small triangles. */
    private static String mesh(int count, boolean spread) {
        StringBuilder v = new StringBuilder();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (spread || i == 0) {
                double x = spread ? -3 + 6.0 * i / count : -1;
                double w = spread ? 6.0 / count : 2;
                int k = spread ? 3 * i : 0;
                v.append(v.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                        "[%.6f,0,0],[%.6f,0,0],[%.6f,1,0]", x, x + w, x));
                f.append(i == 0 ? "" : ",").append("[").append(k).append(",").append(k + 1).append(",").append(k + 2).append("]");
            } else {
                f.append(",[0,1,2]");
            }
        }
        return "{\"resolution\":[1920,1080],\"bounces\":2,\"scene\":{\"camera\":{\"position\":[0,0.5,5],\"look_at\":[0,0.5,0]},"
                + "\"materials\":[{}],\"meshes\":[{\"vertices\":[" + v + "],\"faces\":[" + f + "]}],"
                + "\"lights\":[{\"type\":\"point\",\"position\":[0,3,3],\"intensity\":[10,10,10]}]}}";
    }

    @Test
    void sixtyThousandIdenticalTriangles_areRefusedBeforeAnyRay() {
        String msg = assertThrows(InvalidTaskException.class,
                () -> new ReflectionsExecutor().execute(Codec.params(mesh(60_000, false)), NO_RAYS)).getMessage();
        assertTrue(msg.startsWith("data.scene:") && msg.contains("box and shape tests") && msg.contains("limit"), msg);
    }

    @Test
    void sixtyThousandDistinctTriangles_passTheCheck() {
        // the same number of triangles, side by side: the BVH culls, so rendering starts (and the context stops it)
        AssertionError started = assertThrows(AssertionError.class,
                () -> new ReflectionsExecutor().execute(Codec.params(mesh(60_000, true)), NO_RAYS));
        assertFalse(started.getMessage().isEmpty());
    }
}
