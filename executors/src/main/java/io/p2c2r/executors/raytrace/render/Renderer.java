package io.p2c2r.executors.raytrace.render;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Rng;
import io.p2c2r.executors.raytrace.scene.Camera;
import io.p2c2r.executors.raytrace.scene.Scene;

/**
 * Renders a tile row by row through {@link ExecutionContext#parallelFor}. Each pixel draws its samples from
 * its own stream, seeded from the task seed and the pixel's index in the full frame, and each row writes
 * only its own slots, so the output is the same whatever the thread count and whether the frame is rendered
 * whole or in tiles. Stateless.
 */
public final class Renderer {
    private Renderer() {}

    public static Frame render(Scene scene, Integrator integrator, RenderSettings s, ExecutionContext ctx) {
        int w = s.tileWidth();
        int h = s.tileHeight();
        float[] rgb = new float[3 * w * h];
        long[] rowRays = new long[h];
        Camera.View view = scene.camera().view(s.width(), s.height());
        ctx.parallelFor(h, row -> {
            ctx.checkCancelled();
            int y = s.y0() + row;
            RayCounter counter = new RayCounter();
            for (int x = s.x0(); x < s.x1(); x++) {
                Vec3 c = pixel(integrator, view, s, x, y, counter);
                int o = 3 * (row * w + (x - s.x0()));
                rgb[o] = (float) c.x();
                rgb[o + 1] = (float) c.y();
                rgb[o + 2] = (float) c.z();
            }
            rowRays[row] = counter.rays();
        });
        long rays = 0;
        for (long r : rowRays) {
            rays += r;
        }
        return new Frame(w, h, rgb, rays);
    }

    private static Vec3 pixel(Integrator integrator, Camera.View view, RenderSettings s, int x, int y, RayCounter counter) {
        Rng rng = Rng.forPixel(s.seed(), (long) y * s.width() + x);
        double r = 0;
        double g = 0;
        double b = 0;
        for (int k = 0; k < s.samplesPerPixel(); k++) {
            double jx = s.jitter() ? rng.nextDouble() : 0.5;
            double jy = s.jitter() ? rng.nextDouble() : 0.5;
            Vec3 c = integrator.radiance(view.ray(x + jx, y + jy), rng, counter);
            // a NaN or infinite sample (degenerate geometry) is dropped rather than poisoning the pixel
            if (Double.isFinite(c.x()) && Double.isFinite(c.y()) && Double.isFinite(c.z())) {
                r += c.x();
                g += c.y();
                b += c.z();
            }
        }
        double inv = 1.0 / s.samplesPerPixel();
        return new Vec3(r * inv, g * inv, b * inv);
    }
}
