package io.p2c2r.executors.raytrace.math;

import io.p2c2r.executors.math.Vec3;

/** A half-line {@code origin + t * dir}; {@code dir} need not be unit length for occlusion tests. Immutable. */
public record Ray(Vec3 origin, Vec3 dir) {
    public Vec3 at(double t) {
        return origin.plusScaled(dir, t);
    }
}
