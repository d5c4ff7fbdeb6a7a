package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.math.Vec3;

/**
 * Builds the solid to fracture: a box, the convex hull of given points, or the intersection of half-spaces
 * cut from a bounding cube of half-size {@link #BOUND}, refused if they do not close a solid inside that
 * cube. Stateless.
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

    /**
     * The convex hull of {@code points}: every plane through three of them with no point strictly outside
     * is a supporting plane, and the hull is the intersection of those. Cubic in the point count, so meant
     * for the small point sets (at most a few dozen) a task may give.
     *
     * @throws IllegalArgumentException if the points are all (nearly) on one plane
     */
    public static ConvexPolyhedron fromVertices(double[][] points) {
        Vec3[] p = new Vec3[points.length];
        Vec3 lo = Vec3.of(points[0]);
        Vec3 hi = lo;
        for (int i = 0; i < p.length; i++) {
            p[i] = Vec3.of(points[i]);
            lo = lo.min(p[i]);
            hi = hi.max(p[i]);
        }
        double scale = hi.minus(lo).length();
        java.util.List<double[]> planes = new java.util.ArrayList<>();
        for (int a = 0; a < p.length; a++) {
            for (int b = a + 1; b < p.length; b++) {
                for (int c = b + 1; c < p.length; c++) {
                    Vec3 n = p[b].minus(p[a]).cross(p[c].minus(p[a]));
                    double len = n.length();
                    if (len <= 1e-12 * scale * scale) {
                        continue; // collinear triple
                    }
                    n = n.times(1 / len);
                    boolean above = false;
                    boolean below = false;
                    for (Vec3 q : p) {
                        double d = n.dot(q.minus(p[a]));
                        above |= d > 1e-9 * scale;
                        below |= d < -1e-9 * scale;
                    }
                    if (above != below) {
                        Vec3 out = above ? n.negate() : n;
                        planes.add(new double[] {out.x(), out.y(), out.z(), out.dot(p[a])});
                    }
                }
            }
        }
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("the " + p.length + " vertices are all on one plane; a solid needs volume");
        }
        return fromPlanes(planes.toArray(new double[0][]));
    }
}
