package io.p2c2r.executors.physics.math;

/** An immutable 3D vector of doubles; a value type safe to share between threads. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public static Vec3 of(double[] a) {
        return new Vec3(a[0], a[1], a[2]);
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

    /** {@code this + o * s}, the common integration step. */
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
        return dot(this);
    }

    public double length() {
        return Math.sqrt(lengthSquared());
    }

    /** The unit vector in this direction, or {@code fallback} when this is (nearly) zero. */
    public Vec3 normalizedOr(Vec3 fallback) {
        double len = length();
        return len < 1e-300 ? fallback : times(1.0 / len);
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

    /** Any unit vector perpendicular to this unit vector; used to build friction tangents. */
    public Vec3 anyPerpendicular() {
        Vec3 t = Math.abs(x) < 0.57735 ? new Vec3(0, z, -y) : new Vec3(z, 0, -x);
        return t.normalizedOr(new Vec3(0, 1, 0));
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
