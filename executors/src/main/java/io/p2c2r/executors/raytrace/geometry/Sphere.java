package io.p2c2r.executors.raytrace.geometry;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;

/** A sphere; immutable. */
public record Sphere(Vec3 center, double radius) implements Shape {
    public Sphere {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("sphere radius " + radius + " must be > 0");
        }
    }

    @Override
    public double intersect(Ray ray, double tMin, double tMax) {
        Vec3 o = ray.origin();
        Vec3 d = ray.dir();
        double ox = o.x() - center.x();
        double oy = o.y() - center.y();
        double oz = o.z() - center.z();
        double a = d.lengthSquared();
        double halfB = ox * d.x() + oy * d.y() + oz * d.z();
        double c = ox * ox + oy * oy + oz * oz - radius * radius;
        double disc = halfB * halfB - a * c;
        if (disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = Math.sqrt(disc);
        double t = (-halfB - s) / a;
        if (t > tMin && t < tMax) {
            return t;
        }
        t = (-halfB + s) / a;
        return t > tMin && t < tMax ? t : Double.POSITIVE_INFINITY;
    }

    @Override
    public Vec3 normalAt(Vec3 point) {
        return point.minus(center).times(1.0 / radius);
    }

    @Override
    public Aabb bounds() {
        Vec3 r = new Vec3(radius, radius, radius);
        return new Aabb(center.minus(r), center.plus(r));
    }
}
