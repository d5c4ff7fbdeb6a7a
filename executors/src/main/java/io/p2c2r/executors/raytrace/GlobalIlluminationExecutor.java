package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.raytrace.image.ToneMap;
import io.p2c2r.executors.raytrace.render.Frame;
import io.p2c2r.executors.raytrace.render.PathIntegrator;
import io.p2c2r.executors.raytrace.render.Renderer;
import io.p2c2r.executors.raytrace.scene.Scene;
import java.util.List;
import java.util.Map;

/**
 * {@code rt_global_illumination}: path tracing with next-event estimation and Russian roulette,
 * {@code samples_per_pixel} jittered samples per pixel, Reinhard tone mapping. The default resolution,
 * 256 x 256, keeps the seed example (100 samples, 2 bounces) to a few seconds on a 2-core PC.
 * Stateless and thread-safe.
 */
public final class GlobalIlluminationExecutor extends RenderExecutor {
    static final int DEFAULT_SIDE = 256;
    /** See {@link #picosPerUnit()}. */
    static final long PICOS_PER_UNIT = 136_000;
    static final int MAX_BOUNCES = 16;
    static final int MAX_SPP = 65_536;
    /** The rays-per-second bench case: the default scene, path traced; docs/BENCHMARKS.md divides its rays by its time. */
    static final String RAYS_PER_SECOND_CASE = "{\"resolution\":[320,180],\"bounces\":4,\"samples_per_pixel\":16}";

    @Override
    public TaskType type() {
        return TaskType.RT_GLOBAL_ILLUMINATION;
    }

    @Override
    public String version() {
        return "2.0.0"; // 2.0.0: work_units in the result, render_ms moved to the metrics
    }

    @Override
    long picosPerUnit() {
        return PICOS_PER_UNIT;
    }

    private record Render(FrameRequest frame, int bounces, int spp, long maxRays) implements Plan {
    }

    @Override
    Render plan(Params data) {
        data.allowOnly("bounces", "samples_per_pixel", "resolution", "lights", "seed", "tile", "scene");
        int bounces = data.intValue("bounces", 2, 0, MAX_BOUNCES);
        int spp = data.intValue("samples_per_pixel", 64, 1, MAX_SPP);
        FrameRequest frame = FrameRequest.parse(data, DEFAULT_SIDE, DEFAULT_SIDE, 2);
        // each path vertex casts one extension ray and at most one shadow ray
        long rays = frame.tilePixels() * spp * (bounces + 1L) * 2;
        FrameRequest.checkBudget(data, rays, "pixels x samples_per_pixel x (bounces + 1) x 2");
        return new Render(frame, bounces, spp, rays);
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        Render plan = plan(data);
        long start = System.nanoTime();
        Scene scene = buildScene(plan, data);
        Frame frame = Renderer.render(scene, new PathIntegrator(scene, plan.bounces()), plan.frame().settings(plan.spp(), true), ctx);
        return RenderResult.of(plan.frame(), frame, ToneMap.Mode.REINHARD, plan.bounces(), plan.spp(), ctx, start);
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed 256x256 100spp", type().seedData()),
                new BenchCase("rays/s 320x180 16spp 4 bounces", RAYS_PER_SECOND_CASE),
                new BenchCase("160x90 16spp 12 bounces", "{\"resolution\":[160,90],\"bounces\":12,\"samples_per_pixel\":16}"));
    }
}
