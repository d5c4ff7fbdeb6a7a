package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
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
public final class ReflectionsExecutor implements TaskExecutor {
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 360;
    /** Reference-machine picoseconds per work unit, one thread: {@code peer.jar bench --calibrate}, docs/TASKS.md. */
    static final long PICOS_PER_UNIT = 128_000;
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
    public void validate(Params data) {
        plan(data);
    }

    @Override
    public long maxWorkUnits(Params data) {
        Plan plan = plan(data);
        return RayBudget.workUnits(plan.maxRays(), plan.frame());
    }

    @Override
    public WorkModel workModel() {
        return RayBudget.model(PICOS_PER_UNIT);
    }

    private record Plan(FrameRequest frame, int bounces, long maxRays) {
    }

    private static Plan plan(Params data) {
        data.allowOnly("resolution", "bounces", "lights", "seed", "tile", "scene");
        int bounces = data.intValue("bounces", 2, 0, MAX_BOUNCES);
        FrameRequest frame = FrameRequest.parse(data, DEFAULT_WIDTH, DEFAULT_HEIGHT, 2);
        long rays = frame.tilePixels() * RayBudget.whittedTree(bounces) * (1 + frame.lightCount());
        FrameRequest.checkBudget(data, rays, "pixels x (2^(bounces+1) - 1) x (1 + lights)");
        return new Plan(frame, bounces, rays);
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        Plan plan = plan(data);
        long start = System.nanoTime();
        Scene scene = plan.frame().scene().toScene();
        WhittedIntegrator integrator = new WhittedIntegrator(scene, plan.bounces(), LightSampling.CENTER, 1);
        Frame frame = Renderer.render(scene, integrator, plan.frame().settings(1, false), ctx);
        return RenderResult.of(plan.frame(), frame, ToneMap.Mode.CLAMP, plan.bounces(), 1, ctx, start);
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed 1920x1080", type().seedData()),
                new BenchCase("1920x1080 4 bounces 4 lights", "{\"resolution\":[1920,1080],\"bounces\":4,\"lights\":4}"));
    }
}
