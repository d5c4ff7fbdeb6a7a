package io.p2c2r.executors.physics.math;

import io.p2c2r.executors.math.Vec3;

/** An immutable row-major 3x3 matrix, used for rotations and inertia tensors; thread-safe. */
public record Mat3(double m00, double m01, double m02,
                   double m10, double m11, double m12,
                   double m20, double m21, double m22) {

    public static Mat3 diagonal(double a, double b, double c) {
        return new Mat3(a, 0, 0, 0, b, 0, 0, 0, c);
    }

    public Vec3 times(Vec3 v) {
        return new Vec3(
                m00 * v.x() + m01 * v.y() + m02 * v.z(),
                m10 * v.x() + m11 * v.y() + m12 * v.z(),
                m20 * v.x() + m21 * v.y() + m22 * v.z());
    }

    /** {@code transpose() * v}: for a rotation, maps world to local coordinates. */
    public Vec3 transposeTimes(Vec3 v) {
        return new Vec3(
                m00 * v.x() + m10 * v.y() + m20 * v.z(),
                m01 * v.x() + m11 * v.y() + m21 * v.z(),
                m02 * v.x() + m12 * v.y() + m22 * v.z());
    }

    /** Column {@code i}: for a rotation, the world direction of local axis {@code i}. */
    public Vec3 column(int i) {
        return i == 0 ? new Vec3(m00, m10, m20) : i == 1 ? new Vec3(m01, m11, m21) : new Vec3(m02, m12, m22);
    }
}
