package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;

/**
 * Rolling resistance about one tangent axis of a contact with a sphere: an angular-only constraint on the
 * relative spin {@code (wb - wa) · d} whose accumulated impulse is clamped by
 * {@link #COEFFICIENT} × normal impulse × radius, as a real ball on a real floor is slowed by the deformation at
 * the contact. Without it a sphere rolls forever, and one rolling sphere keeps its whole island awake.
 * Mutable accumulated impulse; owned by one solver row.
 */
final class RollingAxis {
    /** Rolling-resistance coefficient (dimensionless lever over radius; a hard ball on wood is about 0.01-0.05). */
    static final double COEFFICIENT = 0.03;

    private final double dx, dy, dz;
    private final double iax, iay, iaz;
    private final double ibx, iby, ibz;
    private final double mass;
    private final double radius;
    private double acc;

    RollingAxis(Vec3 d, int sa, int sb, SolverBodies bodies, double radius) {
        dx = d.x();
        dy = d.y();
        dz = d.z();
        Vec3 ia = bodies.invInertiaTimes(sa, d);
        Vec3 ib = bodies.invInertiaTimes(sb, d);
        iax = ia.x();
        iay = ia.y();
        iaz = ia.z();
        ibx = ib.x();
        iby = ib.y();
        ibz = ib.z();
        double k = d.dot(ia) + d.dot(ib);
        mass = k > 0 ? 1 / k : 0;
        this.radius = radius;
    }

    /** One iteration: removes relative spin within the limit set by the row's accumulated normal impulse. */
    void solve(double[] v, int oa, int ob, double normalImpulse) {
        double limit = COEFFICIENT * normalImpulse * radius;
        double w = (v[ob + 3] - v[oa + 3]) * dx + (v[ob + 4] - v[oa + 4]) * dy + (v[ob + 5] - v[oa + 5]) * dz;
        double next = Math.max(-limit, Math.min(limit, acc - mass * w));
        double lambda = next - acc;
        acc = next;
        v[oa + 3] -= iax * lambda;
        v[oa + 4] -= iay * lambda;
        v[oa + 5] -= iaz * lambda;
        v[ob + 3] += ibx * lambda;
        v[ob + 4] += iby * lambda;
        v[ob + 5] += ibz * lambda;
    }
}
