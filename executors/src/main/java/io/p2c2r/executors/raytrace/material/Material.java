package io.p2c2r.executors.raytrace.material;

import io.p2c2r.executors.math.Vec3;

/**
 * A surface material: kind, albedo/tint {@code color}, {@code emission} radiance, glossy {@code roughness}
 * in (0, 1] and dielectric index of refraction {@code ior}. Immutable.
 */
public record Material(MaterialKind kind, Vec3 color, Vec3 emission, double roughness, double ior) {
    public static Material diffuse(Vec3 color) {
        return new Material(MaterialKind.DIFFUSE, color, Vec3.ZERO, 1, 1);
    }

    public static Material mirror(Vec3 color) {
        return new Material(MaterialKind.MIRROR, color, Vec3.ZERO, 0, 1);
    }

    public static Material glossy(Vec3 color, double roughness) {
        return new Material(MaterialKind.GLOSSY, color, Vec3.ZERO, roughness, 1);
    }

    public static Material dielectric(Vec3 color, double ior) {
        return new Material(MaterialKind.DIELECTRIC, color, Vec3.ZERO, 0, ior);
    }

    public static Material emissive(Vec3 emission) {
        return new Material(MaterialKind.EMISSIVE, Vec3.ZERO, emission, 1, 1);
    }

    /** The Phong exponent for a glossy lobe: 2/r^2 - 2 (the usual roughness-to-exponent map), at least 1. */
    public double phongExponent() {
        return Math.max(1.0, 2.0 / (roughness * roughness) - 2.0);
    }

    /** Whether direct lighting (shadow rays) applies: only for non-delta, non-emissive surfaces. */
    public boolean takesDirectLight() {
        return kind == MaterialKind.DIFFUSE || kind == MaterialKind.GLOSSY;
    }

    /**
     * The BRDF value {@code f(wo, wi)} for diffuse and glossy surfaces ({@code n} faces {@code wo}; all unit
     * vectors); zero for delta and emissive materials, whose light arrives only along sampled directions.
     */
    public Vec3 brdf(Vec3 n, Vec3 wo, Vec3 wi) {
        if (kind == MaterialKind.DIFFUSE) {
            return color.times(1.0 / Math.PI);
        }
        if (kind == MaterialKind.GLOSSY) {
            double e = phongExponent();
            double cosAlpha = Scattering.reflect(wo.negate(), n).dot(wi);
            if (cosAlpha <= 0) {
                return Vec3.ZERO;
            }
            return color.times((e + 2) / (2 * Math.PI) * StrictMath.pow(cosAlpha, e));
        }
        return Vec3.ZERO;
    }
}
