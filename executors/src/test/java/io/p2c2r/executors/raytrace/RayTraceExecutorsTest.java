package io.p2c2r.executors.raytrace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.image.Png;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RayTraceExecutorsTest {
    /** Small versions of each task, so the whole family's tests stay quick. */
    static List<Object[]> smallTasks() {
        return List.of(
                new Object[] {new ReflectionsExecutor(), "{\"resolution\":[64,36],\"bounces\":3,\"lights\":2}"},
                new Object[] {new ShadowsExecutor(), "{\"quality\":\"medium\",\"lights\":3,\"resolution\":[64,36]}"},
                new Object[] {new GlobalIlluminationExecutor(), "{\"bounces\":2,\"samples_per_pixel\":6,\"resolution\":[48,32]}"});
    }

    static List<TaskExecutor> executors() {
        return RayTraceExecutors.all();
    }

    @ParameterizedTest
    @MethodSource("smallTasks")
    void execute_withOneOrSeveralThreads_givesIdenticalBytes(TaskExecutor executor, String data) throws InterruptedException {
        Map<String, Object> one = executor.execute(Codec.params(data), ExecutionContext.sequential());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Map<String, Object> many = executor.execute(Codec.params(data), new PoolContext(pool, 4, () -> false));
            assertEquals(Codec.canonical(Codec.toRaw(one)), Codec.canonical(Codec.toRaw(many)));
            assertEquals(one.get("png_base64"), many.get("png_base64"));
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @MethodSource("smallTasks")
    void execute_recordsRenderTimeAsAMetric_notInTheResult(TaskExecutor executor, String data) {
        PoolContext ctx = new PoolContext(null, 1, () -> false);
        Map<String, Object> r = executor.execute(Codec.params(data), ctx);
        assertFalse(r.containsKey("render_ms"), "wall-clock time would make two honest results differ");
        assertTrue(ctx.metrics().get("render_ms") >= 0, ctx.metrics().toString());
        // rays, plus two per pixel, plus sixteen per primitive of the built-in room
        long pixels = (long) (Integer) r.get("width") * (Integer) r.get("height");
        assertTrue((Long) r.get("work_units") > (Long) r.get("rays_traced") + 2 * pixels, r.get("work_units").toString());
    }

    @ParameterizedTest
    @MethodSource("smallTasks")
    void execute_tile_equalsThatRegionOfTheFullFrame(TaskExecutor executor, String data) throws IOException {
        Map<String, Object> full = executor.execute(Codec.params(data), ExecutionContext.sequential());
        String tileData = data.substring(0, data.length() - 1) + ",\"tile\":[7,5,30,21]}";
        Map<String, Object> tile = executor.execute(Codec.params(tileData), ExecutionContext.sequential());
        int w = (Integer) full.get("width");
        byte[] fullRgb = decode((String) full.get("png_base64"));
        byte[] crop = new byte[3 * 23 * 16];
        for (int y = 5; y < 21; y++) {
            System.arraycopy(fullRgb, 3 * (y * w + 7), crop, 3 * (y - 5) * 23, 3 * 23);
        }
        assertEquals(23, tile.get("width"));
        assertEquals(16, tile.get("height"));
        assertArrayEquals(crop, decode((String) tile.get("png_base64")));
        // same pixels, same encoder: the tile's PNG is byte for byte the PNG of the crop
        assertEquals(Base64.getEncoder().encodeToString(Png.rgb(23, 16, crop)), tile.get("png_base64"));
    }

    @ParameterizedTest
    @MethodSource("smallTasks")
    void execute_result_hasDocumentedFieldsAndAValidPng(TaskExecutor executor, String data) throws IOException {
        Map<String, Object> r = executor.execute(Codec.params(data), ExecutionContext.sequential());
        for (String field : List.of("width", "height", "frame", "tile", "bounces", "samples_per_pixel", "lights", "rays_traced",
                "mean_luminance", "rgb_sha256", "png_base64", "work_units")) {
            assertTrue(r.containsKey(field), field);
        }
        byte[] rgb = decode((String) r.get("png_base64"));
        assertEquals(3 * (Integer) r.get("width") * (Integer) r.get("height"), rgb.length);
        double lum = (Double) r.get("mean_luminance");
        assertTrue(lum > 0.05 && lum < 0.95, "the default room should be neither black nor white: " + lum);
        assertTrue((Long) r.get("rays_traced") >= rgb.length / 3, "at least one ray per pixel");
        String json = Codec.toRaw(r).text();
        assertTrue(json.contains("\"png_base64\":\"" + r.get("png_base64") + "\""), "the result serialises as JSON");
    }

    @ParameterizedTest
    @MethodSource("executors")
    void seedAndBenchData_areAccepted(TaskExecutor executor) {
        executor.validate(Codec.params(executor.type().seedData()));
        List<BenchCase> cases = executor.benchCases();
        assertEquals(executor.type().seedData(), cases.get(0).data());
        for (BenchCase c : cases) {
            executor.validate(Codec.params(c.data()));
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void registry_coversTheThreeRayTracingTypes(TaskExecutor executor) {
        assertTrue(List.of(TaskType.RT_REFLECTIONS, TaskType.RT_SHADOWS, TaskType.RT_GLOBAL_ILLUMINATION).contains(executor.type()));
    }

    static byte[] decode(String base64) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int o = 3 * (y * w + x);
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return rgb;
    }

    @ParameterizedTest
    @MethodSource("executors")
    void execute_withSceneOfEveryMaterialAndLight_renders(TaskExecutor executor) throws IOException {
        String scene = "{\"camera\":{\"position\":[0,2,6],\"look_at\":[0,0.5,0],\"up\":[0,1,0],\"fov\":45},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[0.7,0.7,0.7]},{\"type\":\"mirror\"},"
                + "{\"type\":\"glossy\",\"color\":[0.9,0.6,0.2],\"roughness\":0.2},{\"type\":\"dielectric\",\"ior\":1.33},"
                + "{\"type\":\"emissive\",\"emission\":[4,3,2]}],"
                + "\"planes\":[{\"point\":[0,0,0],\"normal\":[0,1,0],\"material\":0}],"
                + "\"spheres\":[{\"center\":[-1.5,0.5,0],\"radius\":0.5,\"material\":1},{\"center\":[0,0.5,0],\"radius\":0.5,\"material\":2},"
                + "{\"center\":[1.5,0.5,0],\"radius\":0.5,\"material\":3},{\"center\":[0,2,-2],\"radius\":0.3,\"material\":4}],"
                + "\"meshes\":[{\"vertices\":[[-3,0.01,-1],[3,0.01,-1],[0,2,-1.5]],\"faces\":[[0,1,2]],\"material\":0}],"
                + "\"lights\":[{\"type\":\"point\",\"position\":[2,4,3],\"intensity\":[20,20,20]},"
                + "{\"type\":\"area\",\"corner\":[-1,4,-1],\"edge_u\":[2,0,0],\"edge_v\":[0,0,2],\"radiance\":[3,3,3]}],"
                + "\"background\":[0.1,0.1,0.2],\"ambient\":[0.05,0.05,0.05]}";
        String data = executor instanceof GlobalIlluminationExecutor
                ? "{\"resolution\":[40,30],\"samples_per_pixel\":4,\"scene\":" + scene + "}"
                : "{\"resolution\":[40,30],\"scene\":" + scene + "}";
        Map<String, Object> r = executor.execute(Codec.params(data), ExecutionContext.sequential());
        assertEquals(2, r.get("lights"));
        assertEquals(3 * 40 * 30, decode((String) r.get("png_base64")).length);
        double lum = (Double) r.get("mean_luminance");
        assertTrue(lum > 0.02 && lum < 0.98, "mean luminance " + lum);
    }
}
