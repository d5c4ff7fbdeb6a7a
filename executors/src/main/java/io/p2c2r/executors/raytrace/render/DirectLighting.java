package io.p2c2r.executors.raytrace.render;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.material.Material;
import io.p2c2r.executors.raytrace.math.Rng;
import io.p2c2r.executors.raytrace.scene.Light;
import io.p2c2r.executors.raytrace.scene.PointLight;
import io.p2c2r.executors.raytrace.scene.Scene;
import io.p2c2r.executors.raytrace.scene.SurfaceHit;

/**
 * Light arriving straight from the scene's lights at a shading point, with shadow rays: every light with a
 * fixed sample pattern (Whitted and soft-shadow renders), or one random light and point (path tracing's
 * next-event estimation). Immutable and thread-safe.
 */
public final class DirectLighting {
    private final Scene scene;

    public DirectLighting(Scene scene) {
        this.scene = scene;
    }

    /** Sum over all lights, each estimated with {@code samples} shadow rays laid out by {@code sampling}. */
    public Vec3 allLights(SurfaceHit hit, Vec3 wo, LightSampling sampling, int samples, Rng rng, RayCounter counter) {
        Vec3 sum = Vec3.ZERO;
        int grid = sampling == LightSampling.CENTER ? 1 : (int) Math.round(Math.sqrt(samples));
        for (Light light : scene.lights()) {
            Vec3 acc = Vec3.ZERO;
            int n = light instanceof PointLight ? 1 : grid * grid;
            for (int k = 0; k < n; k++) {
                double s;
                double t;
                if (sampling == LightSampling.CENTER) {
                    s = 0.5;
                    t = 0.5;
                } else {
                    s = (k % grid + rng.nextDouble()) / grid;
                    t = (k / grid + rng.nextDouble()) / grid;
                }
                acc = acc.plus(fromPoint(hit, wo, light, light.pointAt(s, t), counter));
            }
            sum = sum.plus(acc.times(1.0 / n));
        }
        return sum;
    }

    /** One-sample estimate: a uniformly chosen light (weighted by the light count) at a random point. */
    public Vec3 oneLight(SurfaceHit hit, Vec3 wo, Rng rng, RayCounter counter) {
        int count = scene.lights().size();
        if (count == 0) {
            return Vec3.ZERO;
        }
        Light light = scene.lights().get(rng.nextInt(count));
        Vec3 p = light.pointAt(rng.nextDouble(), rng.nextDouble());
        return fromPoint(hit, wo, light, p, counter).times(count);
    }

    private Vec3 fromPoint(SurfaceHit hit, Vec3 wo, Light light, Vec3 p, RayCounter counter) {
        Vec3 toLight = p.minus(hit.point());
        double dist = toLight.length();
        if (!(dist > 0)) {
            return Vec3.ZERO;
        }
        Vec3 wi = toLight.times(1.0 / dist);
        double cos = hit.facing().dot(wi);
        if (cos <= 0) {
            return Vec3.ZERO;
        }
        Vec3 arriving = light.arriving(hit.point(), p);
        if (arriving.isBlack()) {
            return Vec3.ZERO;
        }
        Material m = hit.material();
        Vec3 f = m.brdf(hit.facing(), wo, wi);
        if (f.isBlack()) {
            return Vec3.ZERO;
        }
        counter.add(1);
        if (scene.occluded(hit.point(), p)) {
            return Vec3.ZERO;
        }
        return f.mul(arriving).times(cos);
    }
}
