package io.p2c2r.executors.raytrace.render;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.material.Material;
import io.p2c2r.executors.raytrace.material.MaterialKind;
import io.p2c2r.executors.raytrace.material.Scattering;
import io.p2c2r.executors.raytrace.math.Ray;
import io.p2c2r.executors.raytrace.math.Rng;
import io.p2c2r.executors.raytrace.scene.Scene;
import io.p2c2r.executors.raytrace.scene.SurfaceHit;

/**
 * Unidirectional path tracing: cosine-weighted (diffuse) and lobe (glossy) sampling, next-event estimation
 * at every non-specular vertex, and Russian roulette from the second bounce on. {@code bounces} is the
 * number of scattering events after the first hit (0 = direct light only). Emission from sampled lights is
 * counted only when the previous vertex could not sample it (camera rays and specular bounces), so nothing
 * is counted twice. Caustic paths, which only such a hit can find, are capped at {@link #CAUSTIC_CLAMP} per
 * channel: the one deliberate bias, traded for an image free of fireflies. Immutable and thread-safe.
 */
public final class PathIntegrator implements Integrator {
    private static final double MAX_SURVIVAL = 0.95;
    /** Per-channel cap on caustic samples (diffuse, then specular, then a light), the firefly source. */
    static final double CAUSTIC_CLAMP = 2;

    private final Scene scene;
    private final DirectLighting direct;
    private final int bounces;

    public PathIntegrator(Scene scene, int bounces) {
        this.scene = scene;
        this.direct = new DirectLighting(scene);
        this.bounces = bounces;
    }

    @Override
    public Vec3 radiance(Ray ray, Rng rng, RayCounter counter) {
        Vec3 sum = Vec3.ZERO;
        Vec3 beta = Vec3.ONE;
        boolean lightUnsampled = true;
        boolean sawDiffuse = false;
        for (int depth = 0; ; depth++) {
            counter.add(1);
            SurfaceHit hit = scene.intersect(ray);
            if (hit == null) {
                return sum.plus(beta.mul(scene.background()));
            }
            Material m = hit.material();
            if (hit.front() && (lightUnsampled || !hit.primitive().sampledLight()) && !m.emission().isBlack()) {
                Vec3 e = beta.mul(m.emission());
                if (sawDiffuse && lightUnsampled) {
                    e = e.min(new Vec3(CAUSTIC_CLAMP, CAUSTIC_CLAMP, CAUSTIC_CLAMP));
                }
                sum = sum.plus(e);
            }
            if (m.kind() == MaterialKind.EMISSIVE) {
                return sum;
            }
            Vec3 wo = ray.dir().negate();
            if (m.takesDirectLight()) {
                sum = sum.plus(beta.mul(direct.oneLight(hit, wo, rng, counter)));
            }
            if (depth == bounces) {
                return sum;
            }
            Bounce next = scatter(ray, hit, m, rng);
            if (next == null) {
                return sum;
            }
            beta = beta.mul(next.weight());
            lightUnsampled = !m.takesDirectLight();
            sawDiffuse |= m.takesDirectLight();
            if (depth >= 1) {
                double q = Math.min(MAX_SURVIVAL, beta.maxComponent());
                if (rng.nextDouble() >= q) {
                    return sum;
                }
                beta = beta.times(1.0 / q);
            }
            ray = next.ray();
        }
    }

    /** A sampled continuation: the new ray and the throughput factor {@code f * cos / pdf}. */
    private record Bounce(Ray ray, Vec3 weight) {
    }

    private static Bounce scatter(Ray ray, SurfaceHit hit, Material m, Rng rng) {
        Vec3 n = hit.facing();
        Vec3 d = ray.dir();
        switch (m.kind()) {
            case DIFFUSE -> {
                return new Bounce(new Ray(hit.point(), Scattering.cosineHemisphere(n, rng)), m.color());
            }
            case GLOSSY -> {
                double e = m.phongExponent();
                Vec3 wi = Scattering.phongLobe(Scattering.reflect(d, n), e, rng);
                double cos = n.dot(wi);
                // lobe directions below the surface carry no light
                return cos <= 0 ? null : new Bounce(new Ray(hit.point(), wi), m.color().times((e + 2) / (e + 1) * cos));
            }
            case MIRROR -> {
                return new Bounce(new Ray(hit.point(), Scattering.reflect(d, n)), m.color());
            }
            case DIELECTRIC -> {
                double eta = hit.front() ? 1.0 / m.ior() : m.ior();
                Vec3 refracted = Scattering.refract(d, n, eta);
                boolean reflect = refracted == null || rng.nextDouble() < Scattering.reflectance(d, n, eta);
                Vec3 dir = reflect ? Scattering.reflect(d, n) : refracted.normalized();
                return new Bounce(new Ray(hit.point(), dir), m.color());
            }
            default -> {
                return null;
            }
        }
    }
}
