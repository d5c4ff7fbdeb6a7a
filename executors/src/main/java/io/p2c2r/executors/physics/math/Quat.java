package io.p2c2r.executors.physics.math;

import io.p2c2r.executors.math.Vec3;

/** An immutable rotation quaternion {@code w + xi + yj + zk}; thread-safe value type. */
public record Quat(double w, double x, double y, double z) {
    public static final Quat IDENTITY = new Quat(1, 0, 0, 0);

    /** The rotation by {@code angle} radians about the unit vector {@code axis}. */
    public static Quat axisAngle(Vec3 axis, double angle) {
        double s = StrictMath.sin(angle / 2);
        return new Quat(StrictMath.cos(angle / 2), axis.x() * s, axis.y() * s, axis.z() * s);
    }

    /** The quaternion of rotation matrix {@code m} (Shepperd's method: divides by the largest component). */
    public static Quat fromMatrix(Mat3 m) {
        double tr = m.m00() + m.m11() + m.m22();
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            return new Quat(s / 4, (m.m21() - m.m12()) / s, (m.m02() - m.m20()) / s, (m.m10() - m.m01()) / s).normalized();
        }
        if (m.m00() > m.m11() && m.m00() > m.m22()) {
            double s = Math.sqrt(1 + m.m00() - m.m11() - m.m22()) * 2;
            return new Quat((m.m21() - m.m12()) / s, s / 4, (m.m01() + m.m10()) / s, (m.m02() + m.m20()) / s).normalized();
        }
        if (m.m11() > m.m22()) {
            double s = Math.sqrt(1 + m.m11() - m.m00() - m.m22()) * 2;
            return new Quat((m.m02() - m.m20()) / s, (m.m01() + m.m10()) / s, s / 4, (m.m12() + m.m21()) / s).normalized();
        }
        double s = Math.sqrt(1 + m.m22() - m.m00() - m.m11()) * 2;
        return new Quat((m.m10() - m.m01()) / s, (m.m02() + m.m20()) / s, (m.m12() + m.m21()) / s, s / 4).normalized();
    }

    public Quat conjugate() {
        return new Quat(w, -x, -y, -z);
    }

    public Quat times(Quat o) {
        return new Quat(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    public Quat normalized() {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        return n < 1e-300 ? IDENTITY : new Quat(w / n, x / n, y / n, z / n);
    }

    /**
     * Advances this orientation by angular velocity {@code omega} over {@code dt} (first-order update
     * {@code q += dt/2 * omega * q}, renormalised, as in most game engines).
     */
    public Quat integrate(Vec3 omega, double dt) {
        Quat dq = new Quat(0, omega.x(), omega.y(), omega.z()).times(this);
        double h = dt / 2;
        return new Quat(w + dq.w * h, x + dq.x * h, y + dq.y * h, z + dq.z * h).normalized();
    }

    public Mat3 toMatrix() {
        double xx = x * x, yy = y * y, zz = z * z, xy = x * y, xz = x * z, yz = y * z;
        double wx = w * x, wy = w * y, wz = w * z;
        return new Mat3(
                1 - 2 * (yy + zz), 2 * (xy - wz), 2 * (xz + wy),
                2 * (xy + wz), 1 - 2 * (xx + zz), 2 * (yz - wx),
                2 * (xz - wy), 2 * (yz + wx), 1 - 2 * (xx + yy));
    }

    public double[] toArray() {
        return new double[] {w, x, y, z};
    }
}
