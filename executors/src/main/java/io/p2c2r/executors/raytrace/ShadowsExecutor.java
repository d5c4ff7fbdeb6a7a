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
 * {@code rt_shadows}: direct lighting with soft shadows from area lights. {@code quality} sets the shadow
 * rays per light (low 1 to the light's centre, so hard; medium 4, high 16, ultra 64 stratified over the
 * light). Mirrors and glass are still followed for {@code bounces} levels so they do not render black.
 * Stateless and thread-safe.
 */
public final class ShadowsExecutor extends RenderExecutor {
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 360;
    /** See {@link #picosPerUnit()}. */
    static final long PICOS_PER_UNIT = 102_000;
    static final int MAX_BOUNCES = 8;
    private static final String[] QUALITIES = {"low", "medium", "high", "ultra"};

    @Override
    public TaskType type() {
        return TaskType.RT_SHADOWS;
    }

    @Override
    public String version() {
        return "2.0.0"; // 2.0.0: work_units in the result, render_ms moved to the metrics
    }

    @Override
    long picosPerUnit() {
        return PICOS_PER_UNIT;
    }

    /** Shadow rays per light for a quality name: 1, 4, 16 or 64. */
    static int shadowSamples(String quality) {
        for (int i = 0; i < QUALITIES.length; i++) {
            if (QUALITIES[i].equals(quality)) {
                return 1 << (2 * i);
            }
        }
        throw new IllegalArgumentException("quality \"" + quality + "\" is not one of low, medium, high, ultra");
    }

    private record Render(FrameRequest frame, int bounces, int samples, long maxRays) implements Plan {
    }

    @Override
    Render plan(Params data) {
        data.allowOnly("quality", "lights", "resolution", "bounces", "seed", "tile", "scene");
        int samples = shadowSamples(data.oneOf("quality", "medium", QUALITIES));
        int bounces = data.intValue("bounces", 2, 0, MAX_BOUNCES);
        FrameRequest frame = FrameRequest.parse(data, DEFAULT_WIDTH, DEFAULT_HEIGHT, 3);
        long rays = frame.tilePixels() * RayBudget.whittedTree(bounces) * (1 + (long) frame.lightCount() * samples);
        FrameRequest.checkBudget(data, rays, "pixels x (2^(bounces+1) - 1) x (1 + lights x shadow samples)");
        return new Render(frame, bounces, samples, rays);
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        Render plan = plan(data);
        long start = System.nanoTime();
        Scene scene = buildScene(plan, data);
        LightSampling sampling = plan.samples() == 1 ? LightSampling.CENTER : LightSampling.STRATIFIED;
        WhittedIntegrator integrator = new WhittedIntegrator(scene, plan.bounces(), sampling, plan.samples());
        Frame frame = Renderer.render(scene, integrator, plan.frame().settings(1, false), ctx);
        Map<String, Object> out = RenderResult.of(plan.frame(), frame, ToneMap.Mode.CLAMP, plan.bounces(), 1, ctx, start);
        out.put("shadow_samples_per_light", plan.samples());
        return out;
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed 640x360 medium", type().seedData()),
                new BenchCase("ultra 640x360", "{\"quality\":\"ultra\",\"lights\":3}"),
                new BenchCase("low 640x360 1 light", "{\"quality\":\"low\",\"lights\":1}"));
    }
}
