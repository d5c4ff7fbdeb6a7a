package io.p2c2r.executors.math;

/**
 * An immutable 3D vector of doubles, the one vector type of every executor family: points, directions and
 * RGB radiance in the ray tracer, positions, velocities and impulses in physics. A value type, safe to share
 * between threads.
 */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 ONE = new Vec3(1, 1, 1);

    public static Vec3 of(double[] xyz) {
        return new Vec3(xyz[0], xyz[1], xyz[2]);
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** Component-wise product, as for filtering radiance by an albedo. */
    public Vec3 mul(Vec3 o) {
        return new Vec3(x * o.x, y * o.y, z * o.z);
    }

    /** {@code this + o * s} without the intermediate vector: the common integration step. */
    public Vec3 plusScaled(Vec3 o, double s) {
        return new Vec3(x + o.x * s, y + o.y * s, z + o.z * s);
    }

    public Vec3 negate() {
        return new Vec3(-x, -y, -z);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double lengthSquared() {
        return x * x + y * y + z * z;
    }

    public double length() {
        return Math.sqrt(lengthSquared());
    }

    /** The unit vector in this direction, or this vector itself when it is zero. */
    public Vec3 normalized() {
        double len = length();
        return len > 0 ? times(1.0 / len) : this;
    }

    /** The unit vector in this direction, or {@code fallback} when this is (nearly) zero. */
    public Vec3 normalizedOr(Vec3 fallback) {
        double len = length();
        return len < 1e-300 ? fallback : times(1.0 / len);
    }

    /** Any unit vector perpendicular to this unit vector; used to build friction tangents. */
    public Vec3 anyPerpendicular() {
        Vec3 t = Math.abs(x) < 0.57735 ? new Vec3(0, z, -y) : new Vec3(z, 0, -x);
        return t.normalizedOr(new Vec3(0, 1, 0));
    }

    public double get(int axis) {
        return axis == 0 ? x : axis == 1 ? y : z;
    }

    public Vec3 min(Vec3 o) {
        return new Vec3(Math.min(x, o.x), Math.min(y, o.y), Math.min(z, o.z));
    }

    public Vec3 max(Vec3 o) {
        return new Vec3(Math.max(x, o.x), Math.max(y, o.y), Math.max(z, o.z));
    }

    public double maxComponent() {
        return Math.max(x, Math.max(y, z));
    }

    /** Rec. 709 luminance of a linear RGB value. */
    public double luminance() {
        return 0.2126 * x + 0.7152 * y + 0.0722 * z;
    }

    public boolean isBlack() {
        return x <= 0 && y <= 0 && z <= 0;
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
