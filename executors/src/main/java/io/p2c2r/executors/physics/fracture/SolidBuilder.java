package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.physics.math.Vec3;

/**
 * Builds the solid to fracture: a box, or the intersection of half-spaces cut from a bounding cube of
 * half-size {@link #BOUND}, refused if the half-spaces do not close it inside that cube. Stateless.
 */
public final class SolidBuilder {
    public static final double BOUND = 1000;

    private SolidBuilder() {}

    /** A box with the given full size, resting on {@code y = 0} and centred on the y axis. */
    public static ConvexPolyhedron box(Vec3 size) {
        return ConvexPolyhedron.box(new Vec3(-size.x() / 2, 0, -size.z() / 2), new Vec3(size.x() / 2, size.y(), size.z() / 2));
    }

    /**
     * The solid {@code n . x <= d} for every row {@code [nx, ny, nz, d]}.
     *
     * @throws IllegalArgumentException naming the problem if a normal is zero, or the solid is empty or unbounded
     */
    public static ConvexPolyhedron fromPlanes(double[][] rows) {
        ConvexPolyhedron solid = ConvexPolyhedron.box(new Vec3(-BOUND, -BOUND, -BOUND), new Vec3(BOUND, BOUND, BOUND));
        for (int i = 0; i < rows.length; i++) {
            Vec3 n = new Vec3(rows[i][0], rows[i][1], rows[i][2]);
            double len = n.length();
            if (len < 1e-9) {
                throw new IllegalArgumentException("planes[" + i + "] has a zero normal; expected [nx, ny, nz, d] with a non-zero normal");
            }
            solid = solid.clip(new Plane(n.times(1 / len), rows[i][3] / len), 1e-12 * BOUND);
            if (solid == null) {
                throw new IllegalArgumentException("planes[0.." + i + "] leave an empty solid");
            }
        }
        for (Vec3 v : solid.vertices()) {
            if (Math.abs(v.x()) >= BOUND * (1 - 1e-9) || Math.abs(v.y()) >= BOUND * (1 - 1e-9)
                    || Math.abs(v.z()) >= BOUND * (1 - 1e-9)) {
                throw new IllegalArgumentException("planes do not bound a solid within +-" + BOUND + " on every axis");
            }
        }
        if (solid.volume() < 1e-9) {
            throw new IllegalArgumentException("planes enclose a solid of volume " + solid.volume() + "; the minimum is 1e-9");
        }
        return solid;
    }
}
