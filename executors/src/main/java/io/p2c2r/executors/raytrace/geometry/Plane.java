package io.p2c2r.executors.raytrace.geometry;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;

/** An infinite plane through {@code point} facing {@code normal}; kept out of the BVH. Immutable. */
public final class Plane implements Shape {
    private final Vec3 normal;
    private final double d;

    public Plane(Vec3 point, Vec3 normal) {
        if (!(normal.length() > 0)) {
            throw new IllegalArgumentException("plane normal " + normal + " must be non-zero");
        }
        this.normal = normal.normalized();
        this.d = this.normal.dot(point);
    }

    @Override
    public double intersect(Ray ray, double tMin, double tMax) {
        double denom = normal.dot(ray.dir());
        if (Math.abs(denom) < 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        double t = (d - normal.dot(ray.origin())) / denom;
        return t > tMin && t < tMax ? t : Double.POSITIVE_INFINITY;
    }

    @Override
    public Vec3 normalAt(Vec3 point) {
        return normal;
    }

    @Override
    public Aabb bounds() {
        Vec3 inf = new Vec3(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        return new Aabb(inf.negate(), inf);
    }
}
