package io.p2c2r.executors.raytrace.math;

/** A half-line {@code origin + t * dir}; {@code dir} need not be unit length for occlusion tests. Immutable. */
public record Ray(Vec3 origin, Vec3 dir) {
    public Vec3 at(double t) {
        return origin.plusScaled(dir, t);
    }
}
