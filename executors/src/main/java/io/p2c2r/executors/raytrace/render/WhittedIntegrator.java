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
 * Whitted-style recursive ray tracing: direct light with shadow rays at diffuse and glossy surfaces, plus
 * recursive mirror reflection and (for dielectrics) Fresnel-weighted reflection and refraction, up to
 * {@code bounces} levels. The shadow rays per light follow {@code sampling}/{@code shadowSamples}, so the
 * same integrator gives hard shadows (rt_reflections) and soft ones (rt_shadows). Indirect diffuse light is
 * replaced by the scene's constant ambient term. Immutable and thread-safe.
 */
public final class WhittedIntegrator implements Integrator {
    private final Scene scene;
    private final DirectLighting direct;
    private final int bounces;
    private final LightSampling sampling;
    private final int shadowSamples;

    public WhittedIntegrator(Scene scene, int bounces, LightSampling sampling, int shadowSamples) {
        this.scene = scene;
        this.direct = new DirectLighting(scene);
        this.bounces = bounces;
        this.sampling = sampling;
        this.shadowSamples = shadowSamples;
    }

    @Override
    public Vec3 radiance(Ray ray, Rng rng, RayCounter counter) {
        return trace(ray, 0, rng, counter);
    }

    private Vec3 trace(Ray ray, int depth, Rng rng, RayCounter counter) {
        counter.add(1);
        SurfaceHit hit = scene.intersect(ray);
        if (hit == null) {
            return scene.background();
        }
        Material m = hit.material();
        Vec3 wo = ray.dir().negate();
        Vec3 n = hit.facing();
        Vec3 result = hit.front() ? m.emission() : Vec3.ZERO;
        boolean deeper = depth < bounces;
        switch (m.kind()) {
            case DIFFUSE -> result = result.plus(local(hit, wo, m, rng, counter));
            case GLOSSY -> {
                result = result.plus(local(hit, wo, m, rng, counter));
                if (deeper) {
                    // a sharp stand-in for the glossy lobe: the mirror image, fading as the surface roughens
                    Vec3 r = trace(new Ray(hit.point(), Scattering.reflect(ray.dir(), n)), depth + 1, rng, counter);
                    result = result.plus(r.mul(m.color()).times(1 - m.roughness()));
                }
            }
            case MIRROR -> {
                if (deeper) {
                    Vec3 r = trace(new Ray(hit.point(), Scattering.reflect(ray.dir(), n)), depth + 1, rng, counter);
                    result = result.plus(r.mul(m.color()));
                }
            }
            case DIELECTRIC -> {
                if (deeper) {
                    result = result.plus(dielectric(ray, hit, m, depth, rng, counter));
                }
            }
            case EMISSIVE -> { }
            default -> throw new IllegalStateException("unknown material kind " + m.kind());
        }
        return result;
    }

    private Vec3 local(SurfaceHit hit, Vec3 wo, Material m, Rng rng, RayCounter counter) {
        Vec3 lit = direct.allLights(hit, wo, sampling, shadowSamples, rng, counter);
        return m.kind() == MaterialKind.DIFFUSE ? lit.plus(scene.ambient().mul(m.color())) : lit;
    }

    private Vec3 dielectric(Ray ray, SurfaceHit hit, Material m, int depth, Rng rng, RayCounter counter) {
        Vec3 n = hit.facing();
        double eta = hit.front() ? 1.0 / m.ior() : m.ior();
        Vec3 refracted = Scattering.refract(ray.dir(), n, eta);
        Vec3 reflectDir = Scattering.reflect(ray.dir(), n);
        Vec3 reflected = trace(new Ray(hit.point(), reflectDir), depth + 1, rng, counter);
        if (refracted == null) {
            return reflected.mul(m.color());
        }
        double f = Scattering.reflectance(ray.dir(), n, eta);
        Vec3 transmitted = trace(new Ray(hit.point(), refracted.normalized()), depth + 1, rng, counter);
        return reflected.times(f).plus(transmitted.times(1 - f)).mul(m.color());
    }
}
