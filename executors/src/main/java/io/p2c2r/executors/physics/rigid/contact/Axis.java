package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;

/**
 * One constraint direction of a contact point, with its Jacobian precomputed: the direction {@code d}, the lever
 * arms {@code ra × d} and {@code rb × d}, their images under each body's world inverse inertia and the effective
 * mass. Velocities live in {@link SolverBodies}' arrays (6 doubles per slot). Immutable once built.
 */
final class Axis {
    private final double dx, dy, dz;
    private final double ax, ay, az;
    private final double bx, by, bz;
    private final double iax, iay, iaz;
    private final double ibx, iby, ibz;
    private final double imA, imB;
    final double mass;

    Axis(Vec3 d, Vec3 ra, Vec3 rb, int sa, int sb, SolverBodies bodies) {
        dx = d.x();
        dy = d.y();
        dz = d.z();
        Vec3 ca = ra.cross(d);
        Vec3 cb = rb.cross(d);
        Vec3 ia = bodies.invInertiaTimes(sa, ca);
        Vec3 ib = bodies.invInertiaTimes(sb, cb);
        ax = ca.x();
        ay = ca.y();
        az = ca.z();
        bx = cb.x();
        by = cb.y();
        bz = cb.z();
        iax = ia.x();
        iay = ia.y();
        iaz = ia.z();
        ibx = ib.x();
        iby = ib.y();
        ibz = ib.z();
        imA = bodies.invMass[sa];
        imB = bodies.invMass[sb];
        double k = imA + imB + ca.dot(ia) + cb.dot(ib);
        mass = k > 0 ? 1 / k : 0;
    }

    Vec3 direction() {
        return new Vec3(dx, dy, dz);
    }

    /** The velocity of b relative to a along this axis; {@code oa}, {@code ob} are the slots' offsets (6 per slot). */
    double relative(double[] v, int oa, int ob) {
        return (v[ob] - v[oa]) * dx + (v[ob + 1] - v[oa + 1]) * dy + (v[ob + 2] - v[oa + 2]) * dz
                + v[ob + 3] * bx + v[ob + 4] * by + v[ob + 5] * bz
                - v[oa + 3] * ax - v[oa + 4] * ay - v[oa + 5] * az;
    }

    /** Applies {@code lambda} along this axis: minus to a, plus to b. */
    void apply(double[] v, int oa, int ob, double lambda) {
        double la = lambda * imA;
        double lb = lambda * imB;
        v[oa] -= dx * la;
        v[oa + 1] -= dy * la;
        v[oa + 2] -= dz * la;
        v[oa + 3] -= iax * lambda;
        v[oa + 4] -= iay * lambda;
        v[oa + 5] -= iaz * lambda;
        v[ob] += dx * lb;
        v[ob + 1] += dy * lb;
        v[ob + 2] += dz * lb;
        v[ob + 3] += ibx * lambda;
        v[ob + 4] += iby * lambda;
        v[ob + 5] += ibz * lambda;
    }
}
