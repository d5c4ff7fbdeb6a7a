package io.p2c2r.executors.raytrace.geometry;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;

/** A surface a ray can hit. Implementations are immutable and safe from any thread. */
public interface Shape {
    /** The smallest distance in {@code (tMin, tMax)} at which the ray meets the surface, or +infinity. */
    double intersect(Ray ray, double tMin, double tMax);

    /** The unit outward (geometric) normal at a point on the surface. */
    Vec3 normalAt(Vec3 point);

    /** An axis-aligned box around the shape; infinite shapes are not put in a BVH. */
    Aabb bounds();
}
