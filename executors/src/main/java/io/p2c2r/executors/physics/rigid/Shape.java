package io.p2c2r.executors.physics.rigid;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Mat3;

/** The collision shape of a rigid body, in body-local coordinates centred on the centre of mass; immutable. */
public sealed interface Shape permits Shape.Sphere, Shape.Box, ConvexHull {

    double volume();

    /** Principal moments of inertia of a solid of this shape with the given mass. */
    Vec3 inertia(double mass);

    /** Half-size of the world-aligned bounding box when rotated by {@code rotation}. */
    Vec3 aabbHalfExtent(Mat3 rotation);

    /** A solid sphere. */
    record Sphere(double radius) implements Shape {
        @Override
        public double volume() {
            return 4.0 / 3.0 * Math.PI * radius * radius * radius;
        }

        @Override
        public Vec3 inertia(double mass) {
            double i = 0.4 * mass * radius * radius;
            return new Vec3(i, i, i);
        }

        @Override
        public Vec3 aabbHalfExtent(Mat3 rotation) {
            return new Vec3(radius, radius, radius);
        }
    }

    /** A solid box with half-extents {@code half} along its local axes. */
    record Box(Vec3 half) implements Shape {
        @Override
        public double volume() {
            return 8 * half.x() * half.y() * half.z();
        }

        @Override
        public Vec3 inertia(double mass) {
            // Solid cuboid with full sides 2h: I_x = m/3 (h_y^2 + h_z^2).
            double x2 = half.x() * half.x(), y2 = half.y() * half.y(), z2 = half.z() * half.z();
            return new Vec3(mass / 3 * (y2 + z2), mass / 3 * (x2 + z2), mass / 3 * (x2 + y2));
        }

        @Override
        public Vec3 aabbHalfExtent(Mat3 r) {
            return new Vec3(
                    Math.abs(r.m00()) * half.x() + Math.abs(r.m01()) * half.y() + Math.abs(r.m02()) * half.z(),
                    Math.abs(r.m10()) * half.x() + Math.abs(r.m11()) * half.y() + Math.abs(r.m12()) * half.z(),
                    Math.abs(r.m20()) * half.x() + Math.abs(r.m21()) * half.y() + Math.abs(r.m22()) * half.z());
        }
    }
}
