package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.physics.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Material;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequential-impulse solver (Catto, GDC 2006) for one step's manifolds: accumulated, clamped normal impulses
 * with restitution, two-direction Coulomb friction, and split impulses for penetration so that position
 * correction never feeds kinetic energy. Visits contacts in the order given, so the result is deterministic.
 * Single-threaded; one instance per step.
 */
public final class ContactSolver {
    private final List<Row> rows = new ArrayList<>();
    private final SolverSettings settings;

    /** @param previous last step's impulses for warm starting, or null */
    public ContactSolver(List<Manifold> manifolds, SolverSettings settings, ContactCache previous) {
        this.settings = settings;
        for (Manifold m : manifolds) {
            Material mat = m.a().material().combine(m.b().material());
            for (ContactPoint p : m.points()) {
                Row row = new Row(m.a(), m.b(), m.normal(), p, mat, settings.restitutionThreshold());
                ContactCache.Entry old = previous == null ? null : previous.match(m.a().id(), m.b().id(), p.position());
                if (old != null) {
                    row.warmStart(old);
                }
                rows.add(row);
            }
        }
    }

    /**
     * Applies the warm-start impulses, runs the velocity iterations, then the split-impulse position
     * iterations for time step {@code dt}; returns this step's impulses for the next step's warm start.
     */
    public ContactCache solve(double dt) {
        for (Row r : rows) {
            r.applyWarmStart();
        }
        for (int it = 0; it < settings.velocityIterations(); it++) {
            for (Row r : rows) {
                r.solveFriction();
                r.solveNormal();
            }
        }
        for (int it = 0; it < settings.positionIterations(); it++) {
            for (Row r : rows) {
                r.solvePenetration(settings, dt);
            }
        }
        ContactCache cache = new ContactCache();
        for (Row r : rows) {
            cache.put(r.a.id(), r.b.id(), new ContactCache.Entry(r.point, r.accN,
                    r.t1.times(r.accT1).plus(r.t2.times(r.accT2))));
        }
        return cache;
    }

    /** Solver state of one contact point. */
    private static final class Row {
        final Body a;
        final Body b;
        final Vec3 n;
        final Vec3 t1;
        final Vec3 t2;
        final Vec3 ra;
        final Vec3 rb;
        final double massN;
        final double massT1;
        final double massT2;
        final double friction;
        final double targetVn;
        final double depth;
        final Vec3 point;
        double accN;
        double accT1;
        double accT2;
        double accPseudo;

        Row(Body a, Body b, Vec3 n, ContactPoint p, Material mat, double threshold) {
            this.a = a;
            this.b = b;
            this.n = n;
            this.t1 = n.anyPerpendicular();
            this.t2 = n.cross(t1);
            this.ra = p.position().minus(a.position());
            this.rb = p.position().minus(b.position());
            this.massN = effectiveMass(n);
            this.massT1 = effectiveMass(t1);
            this.massT2 = effectiveMass(t2);
            this.friction = mat.friction();
            this.depth = p.depth();
            this.point = p.position();
            double vn = relativeVelocity().dot(n);
            // Bounce only clear impacts; resting contacts approach at about g*dt each step and must not jitter.
            this.targetVn = vn < -threshold ? -mat.restitution() * vn : 0;
        }

        void warmStart(ContactCache.Entry old) {
            accN = old.normalImpulse();
            accT1 = old.frictionImpulse().dot(t1);
            accT2 = old.frictionImpulse().dot(t2);
        }

        void applyWarmStart() {
            apply(n.times(accN).plus(t1.times(accT1)).plus(t2.times(accT2)));
        }

        private double effectiveMass(Vec3 dir) {
            Vec3 ca = ra.cross(dir);
            Vec3 cb = rb.cross(dir);
            double k = a.invMass() + b.invMass() + a.invInertiaTimes(ca).dot(ca) + b.invInertiaTimes(cb).dot(cb);
            return k > 0 ? 1 / k : 0;
        }

        private Vec3 relativeVelocity() {
            return b.pointVelocity(rb).minus(a.pointVelocity(ra));
        }

        private void apply(Vec3 impulse) {
            a.applyImpulse(impulse.negate(), ra);
            b.applyImpulse(impulse, rb);
        }

        void solveNormal() {
            double vn = relativeVelocity().dot(n);
            double lambda = massN * (targetVn - vn);
            double next = Math.max(accN + lambda, 0);
            lambda = next - accN;
            accN = next;
            apply(n.times(lambda));
        }

        void solveFriction() {
            double limit = friction * accN;
            Vec3 v = relativeVelocity();
            double next1 = clamp(accT1 - massT1 * v.dot(t1), limit);
            double next2 = clamp(accT2 - massT2 * v.dot(t2), limit);
            Vec3 impulse = t1.times(next1 - accT1).plus(t2.times(next2 - accT2));
            accT1 = next1;
            accT2 = next2;
            apply(impulse);
        }

        void solvePenetration(SolverSettings s, double dt) {
            double bias = s.correction() / dt * Math.max(0, depth - s.slop());
            double vn = b.pseudoPointVelocity(rb).minus(a.pseudoPointVelocity(ra)).dot(n);
            double next = Math.max(accPseudo + massN * (bias - vn), 0);
            double lambda = next - accPseudo;
            accPseudo = next;
            Vec3 impulse = n.times(lambda);
            a.applyPseudoImpulse(impulse.negate(), ra);
            b.applyPseudoImpulse(impulse, rb);
        }

        private static double clamp(double v, double limit) {
            return Math.max(-limit, Math.min(limit, v));
        }
    }
}
