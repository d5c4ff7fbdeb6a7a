package io.p2c2r.executors.raytrace;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.image.Png;
import io.p2c2r.executors.raytrace.image.ImageStats;
import io.p2c2r.executors.raytrace.image.ToneMap;
import io.p2c2r.executors.raytrace.render.Frame;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the result tree the three ray-tracing tasks share: a pure function of the task, so the render's
 * wall-clock time goes to {@link ExecutionContext#metric} as {@code render_ms}, never into the result. Stateless.
 */
final class RenderResult {
    private RenderResult() {}

    static Map<String, Object> of(FrameRequest req, Frame frame, ToneMap.Mode mode, int bounces, int spp,
                                  ExecutionContext ctx, long startNanos) {
        byte[] rgb = ToneMap.toSrgb8(frame, mode);
        byte[] png = Png.rgb(frame.width(), frame.height(), rgb);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("width", frame.width());
        out.put("height", frame.height());
        out.put("frame", List.of(req.width(), req.height()));
        out.put("tile", List.of(req.x0(), req.y0(), req.x1(), req.y1()));
        out.put("bounces", bounces);
        out.put("samples_per_pixel", spp);
        out.put("lights", req.lightCount());
        out.put("rays_traced", frame.rays());
        out.put("mean_luminance", ImageStats.meanLuminance(rgb));
        out.put("rgb_sha256", ImageStats.sha256(rgb));
        out.put("png_base64", Base64.getEncoder().encodeToString(png));
        out.put(TaskExecutor.WORK_UNITS, RayBudget.workUnits(frame.rays(), req));
        ctx.metric("render_ms", (System.nanoTime() - startNanos) / 1e6);
        return out;
    }
}
