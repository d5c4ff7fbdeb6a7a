package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.math.Vec3;

/** The half-space {@code normal . x <= offset}; the normal need not be unit length. Immutable. */
public record Plane(Vec3 normal, double offset) {

    /** Signed distance-like value: negative inside, positive outside (scaled by the normal's length). */
    public double eval(Vec3 p) {
        return normal.dot(p) - offset;
    }

    /**
     * The half-space of points nearer {@code site} than {@code other}. Built so that the plane for (b, a) is
     * exactly the negation of the plane for (a, b), which makes neighbouring Voronoi cells share their face.
     */
    public static Plane bisector(Vec3 site, Vec3 other) {
        return new Plane(other.minus(site), (other.lengthSquared() - site.lengthSquared()) / 2);
    }
}
