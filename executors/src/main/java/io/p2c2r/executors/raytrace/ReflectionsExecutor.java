package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.raytrace.image.ToneMap;
import io.p2c2r.executors.raytrace.render.Frame;
import io.p2c2r.executors.raytrace.render.LightSampling;
import io.p2c2r.executors.raytrace.render.Renderer;
import io.p2c2r.executors.raytrace.render.WhittedIntegrator;
import io.p2c2r.executors.raytrace.scene.Scene;
import java.util.List;
import java.util.Map;

/**
 * {@code rt_reflections}: Whitted-style ray tracing, one ray through each pixel centre, hard shadows (one
 * shadow ray per light, to its centre), recursive mirror reflection and glass refraction up to
 * {@code bounces}. Stateless and thread-safe.
 */
public final class ReflectionsExecutor extends RenderExecutor {
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 360;
    /** See {@link #picosPerUnit()}. */
    static final long PICOS_PER_UNIT = 83_700;
    static final int MAX_BOUNCES = 8;

    @Override
    public TaskType type() {
        return TaskType.RT_REFLECTIONS;
    }

    @Override
    public String version() {
        return "2.0.0"; // 2.0.0: work_units in the result, render_ms moved to the metrics
    }

    @Override
    long picosPerUnit() {
        return PICOS_PER_UNIT;
    }

    private record Render(FrameRequest frame, int bounces, long maxRays) implements Plan {
    }

    @Override
    Render plan(Params data) {
        data.allowOnly("resolution", "bounces", "lights", "seed", "tile", "scene");
        int bounces = data.intValue("bounces", 2, 0, MAX_BOUNCES);
        FrameRequest frame = FrameRequest.parse(data, DEFAULT_WIDTH, DEFAULT_HEIGHT, 2);
        long rays = frame.tilePixels() * RayBudget.whittedTree(bounces) * (1 + frame.lightCount());
        FrameRequest.checkBudget(data, rays, "pixels x (2^(bounces+1) - 1) x (1 + lights)");
        return new Render(frame, bounces, rays);
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        Render plan = plan(data);
        long start = System.nanoTime();
        Scene scene = buildScene(plan, data);
        WhittedIntegrator integrator = new WhittedIntegrator(scene, plan.bounces(), LightSampling.CENTER, 1);
        Frame frame = Renderer.render(scene, integrator, plan.frame().settings(1, false), ctx);
        return RenderResult.of(plan.frame(), frame, ToneMap.Mode.CLAMP, plan.bounces(), 1, ctx, start);
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed 1920x1080", type().seedData()),
                new BenchCase("1920x1080 4 bounces 4 lights", "{\"resolution\":[1920,1080],\"bounces\":4,\"lights\":4}"),
                new BenchCase("640x360 direct light only", "{\"resolution\":[640,360],\"bounces\":0,\"lights\":1}"));
    }
}
