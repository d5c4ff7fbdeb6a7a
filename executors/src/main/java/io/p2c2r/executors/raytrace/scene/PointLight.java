package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;

/** An isotropic point light of radiant {@code intensity} (W/sr per channel); gives hard shadows. Immutable. */
public record PointLight(Vec3 position, Vec3 intensity) implements Light {
    @Override
    public Vec3 pointAt(double s, double t) {
        return position;
    }

    @Override
    public Vec3 arriving(Vec3 x, Vec3 p) {
        double d2 = p.minus(x).lengthSquared();
        return d2 > 0 ? intensity.times(1.0 / d2) : Vec3.ZERO;
    }
}
