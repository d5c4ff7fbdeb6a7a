package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.geometry.Parallelogram;

/** A one-sided parallelogram emitting {@code radiance} along its normal; gives soft shadows. Immutable. */
public record AreaLight(Parallelogram shape, Vec3 radiance) implements Light {
    @Override
    public Vec3 pointAt(double s, double t) {
        return shape.pointAt(s, t);
    }

    @Override
    public Vec3 arriving(Vec3 x, Vec3 p) {
        Vec3 toX = x.minus(p);
        double d2 = toX.lengthSquared();
        if (d2 <= 0) {
            return Vec3.ZERO;
        }
        double cosLight = shape.normalAt(p).dot(toX) / Math.sqrt(d2);
        if (cosLight <= 0) {
            return Vec3.ZERO;
        }
        return radiance.times(cosLight * shape.area() / d2);
    }
}
