package io.p2c2r.executors.raytrace.geometry;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;

/** A triangle with a flat normal (counter-clockwise winding faces out); Möller–Trumbore test. Immutable. */
public final class Triangle implements Shape {
    private final Vec3 a;
    private final Vec3 e1;
    private final Vec3 e2;
    private final Vec3 normal;

    public Triangle(Vec3 a, Vec3 b, Vec3 c) {
        this.a = a;
        this.e1 = b.minus(a);
        this.e2 = c.minus(a);
        Vec3 n = e1.cross(e2);
        if (!(n.length() > 0)) {
            throw new IllegalArgumentException("triangle " + a + ", " + b + ", " + c + " is degenerate (zero area)");
        }
        this.normal = n.normalized();
    }

    @Override
    public double intersect(Ray ray, double tMin, double tMax) {
        // scalar form of Möller–Trumbore: this runs for every candidate triangle, so it allocates nothing
        Vec3 d = ray.dir();
        Vec3 o = ray.origin();
        double px = d.y() * e2.z() - d.z() * e2.y();
        double py = d.z() * e2.x() - d.x() * e2.z();
        double pz = d.x() * e2.y() - d.y() * e2.x();
        double det = e1.x() * px + e1.y() * py + e1.z() * pz;
        if (det > -1e-12 && det < 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        double inv = 1.0 / det;
        double sx = o.x() - a.x();
        double sy = o.y() - a.y();
        double sz = o.z() - a.z();
        double u = (sx * px + sy * py + sz * pz) * inv;
        if (u < 0 || u > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double qx = sy * e1.z() - sz * e1.y();
        double qy = sz * e1.x() - sx * e1.z();
        double qz = sx * e1.y() - sy * e1.x();
        double v = (d.x() * qx + d.y() * qy + d.z() * qz) * inv;
        if (v < 0 || u + v > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double t = (e2.x() * qx + e2.y() * qy + e2.z() * qz) * inv;
        return t > tMin && t < tMax ? t : Double.POSITIVE_INFINITY;
    }

    @Override
    public Vec3 normalAt(Vec3 point) {
        return normal;
    }

    @Override
    public Aabb bounds() {
        Vec3 b = a.plus(e1);
        Vec3 c = a.plus(e2);
        return new Aabb(a.min(b).min(c), a.max(b).max(c));
    }
}
