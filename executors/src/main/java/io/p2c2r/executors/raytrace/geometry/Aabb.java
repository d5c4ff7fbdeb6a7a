package io.p2c2r.executors.raytrace.geometry;

import io.p2c2r.executors.math.Vec3;

/** An axis-aligned bounding box. Immutable. */
public record Aabb(Vec3 min, Vec3 max) {
    public static final Aabb EMPTY = new Aabb(
            new Vec3(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
            new Vec3(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));

    public Aabb union(Aabb o) {
        return new Aabb(min.min(o.min), max.max(o.max));
    }

    public Aabb include(Vec3 p) {
        return new Aabb(min.min(p), max.max(p));
    }

    public Vec3 centroid() {
        return min.plus(max).times(0.5);
    }

    /** Surface area, the cost measure of the surface-area heuristic; 0 for an empty box. */
    public double surfaceArea() {
        double dx = max.x() - min.x();
        double dy = max.y() - min.y();
        double dz = max.z() - min.z();
        if (dx < 0 || dy < 0 || dz < 0) {
            return 0;
        }
        return 2 * (dx * dy + dy * dz + dz * dx);
    }
}
