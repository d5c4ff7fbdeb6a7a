package io.p2c2r.executors.raytrace.geometry;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;

/** The parallelogram {@code corner + s*u + t*v}, s and t in [0,1]; its normal is {@code u x v}. Immutable. */
public final class Parallelogram implements Shape {
    private final Vec3 corner;
    private final Vec3 u;
    private final Vec3 v;
    private final Vec3 normal;
    private final Vec3 w;
    private final double planeD;
    private final double area;

    public Parallelogram(Vec3 corner, Vec3 u, Vec3 v) {
        Vec3 n = u.cross(v);
        this.area = n.length();
        if (!(area > 0)) {
            throw new IllegalArgumentException("parallelogram edges " + u + " and " + v + " are parallel or zero");
        }
        this.corner = corner;
        this.u = u;
        this.v = v;
        this.normal = n.times(1.0 / area);
        this.w = n.times(1.0 / n.lengthSquared());
        this.planeD = normal.dot(corner);
    }

    public Vec3 corner() {
        return corner;
    }

    public Vec3 u() {
        return u;
    }

    public Vec3 v() {
        return v;
    }

    public double area() {
        return area;
    }

    /** The point at parameters (s, t) in [0,1]^2, for sampling the surface. */
    public Vec3 pointAt(double s, double t) {
        return corner.plusScaled(u, s).plusScaled(v, t);
    }

    @Override
    public double intersect(Ray ray, double tMin, double tMax) {
        double denom = normal.dot(ray.dir());
        if (Math.abs(denom) < 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        double t = (planeD - normal.dot(ray.origin())) / denom;
        if (!(t > tMin && t < tMax)) {
            return Double.POSITIVE_INFINITY;
        }
        Vec3 o = ray.origin();
        Vec3 d = ray.dir();
        double rx = o.x() + d.x() * t - corner.x();
        double ry = o.y() + d.y() * t - corner.y();
        double rz = o.z() + d.z() * t - corner.z();
        // a = w . (rel x v), b = w . (u x rel), written out to avoid temporaries
        double a = w.x() * (ry * v.z() - rz * v.y()) + w.y() * (rz * v.x() - rx * v.z()) + w.z() * (rx * v.y() - ry * v.x());
        double b = w.x() * (u.y() * rz - u.z() * ry) + w.y() * (u.z() * rx - u.x() * rz) + w.z() * (u.x() * ry - u.y() * rx);
        return a >= 0 && a <= 1 && b >= 0 && b <= 1 ? t : Double.POSITIVE_INFINITY;
    }

    @Override
    public Vec3 normalAt(Vec3 point) {
        return normal;
    }

    @Override
    public Aabb bounds() {
        Vec3 b = corner.plus(u);
        Vec3 c = corner.plus(v);
        Vec3 d = b.plus(v);
        Vec3 pad = new Vec3(1e-6, 1e-6, 1e-6);
        return new Aabb(corner.min(b).min(c).min(d).minus(pad), corner.max(b).max(c).max(d).plus(pad));
    }
}
