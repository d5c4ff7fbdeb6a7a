package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.Material;
import io.p2c2r.executors.physics.rigid.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequential-impulse solver (Catto, GDC 2006) for one step's manifolds: accumulated, clamped normal impulses
 * with restitution, two-direction Coulomb friction, rolling resistance for spheres, and split impulses for penetration so that position
 * correction never feeds kinetic energy. Visits contacts in the order given, so the result is deterministic.
 * Single-threaded; one instance per step.
 */
public final class ContactSolver {
    private final List<Row> rows = new ArrayList<>();
    private final SolverSettings settings;
    private final SolverBodies bodies = new SolverBodies();

    /** @param previous last step's impulses for warm starting, or null */
    public ContactSolver(List<Manifold> manifolds, SolverSettings settings, ContactCache previous) {
        this.settings = settings;
        for (Manifold m : manifolds) {
            Material mat = m.a().material().combine(m.b().material());
            int sa = bodies.slot(m.a());
            int sb = bodies.slot(m.b());
            for (ContactPoint p : m.points()) {
                Row row = new Row(m, sa, sb, p, mat, settings.restitutionThreshold(), bodies);
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
     * iterations for time step {@code dt}; writes the velocities back to the bodies and returns this step's
     * impulses for the next step's warm start.
     */
    public ContactCache solve(double dt) {
        double[] v = bodies.vel;
        for (Row r : rows) {
            r.applyWarmStart(v);
        }
        for (int it = 0; it < settings.velocityIterations(); it++) {
            for (Row r : rows) {
                r.solveRolling(v);
                r.solveFriction(v);
                r.solveNormal(v);
            }
        }
        double[] pv = bodies.pseudo;
        for (int it = 0; it < settings.positionIterations(); it++) {
            for (Row r : rows) {
                r.solvePenetration(pv, settings, dt);
            }
        }
        bodies.writeBack();
        ContactCache cache = new ContactCache();
        for (Row r : rows) {
            cache.put(r.idA, r.idB, new ContactCache.Entry(r.point, r.accN,
                    r.t1.direction().times(r.accT1).plus(r.t2.direction().times(r.accT2))));
        }
        return cache;
    }

    /** Solver state of one contact point. */
    private static final class Row {
        final int idA;
        final int idB;
        final int oa;
        final int ob;
        final Axis n;
        final Axis t1;
        final Axis t2;
        /** Rolling resistance about t1 and t2, and spin resistance about n, when a sphere is involved, else null. */
        final RollingAxis roll1;
        final RollingAxis roll2;
        final RollingAxis spin;
        final double friction;
        final double targetVn;
        final double depth;
        final Vec3 point;
        double accN;
        double accT1;
        double accT2;
        double accPseudo;

        Row(Manifold m, int sa, int sb, ContactPoint p, Material mat, double threshold, SolverBodies bodies) {
            this.idA = m.a().id();
            this.idB = m.b().id();
            this.oa = 6 * sa;
            this.ob = 6 * sb;
            Vec3 normal = m.normal();
            Vec3 tangent1 = normal.anyPerpendicular();
            Vec3 ra = p.position().minus(m.a().position());
            Vec3 rb = p.position().minus(m.b().position());
            this.n = new Axis(normal, ra, rb, sa, sb, bodies);
            this.t1 = new Axis(tangent1, ra, rb, sa, sb, bodies);
            Vec3 tangent2 = normal.cross(tangent1);
            this.t2 = new Axis(tangent2, ra, rb, sa, sb, bodies);
            double radius = rollingRadius(m);
            this.roll1 = radius > 0 ? new RollingAxis(tangent1, sa, sb, bodies, radius) : null;
            this.roll2 = radius > 0 ? new RollingAxis(tangent2, sa, sb, bodies, radius) : null;
            this.spin = radius > 0 ? new RollingAxis(normal, sa, sb, bodies, radius) : null;
            this.friction = mat.friction();
            this.depth = p.depth();
            this.point = p.position();
            double vn = n.relative(bodies.vel, oa, ob);
            // Bounce only clear impacts; resting contacts approach at about g*dt each step and must not jitter.
            this.targetVn = vn < -threshold ? -mat.restitution() * vn : 0;
        }

        void warmStart(ContactCache.Entry old) {
            accN = old.normalImpulse();
            accT1 = old.frictionImpulse().dot(t1.direction());
            accT2 = old.frictionImpulse().dot(t2.direction());
        }

        void applyWarmStart(double[] v) {
            n.apply(v, oa, ob, accN);
            t1.apply(v, oa, ob, accT1);
            t2.apply(v, oa, ob, accT2);
        }

        void solveNormal(double[] v) {
            double vn = n.relative(v, oa, ob);
            double next = Math.max(accN + n.mass * (targetVn - vn), 0);
            double lambda = next - accN;
            accN = next;
            n.apply(v, oa, ob, lambda);
        }

        /** The smaller sphere radius of the pair, or 0 when neither body is a sphere. */
        private static double rollingRadius(Manifold m) {
            double ra = m.a().shape() instanceof Shape.Sphere s ? s.radius() : Double.MAX_VALUE;
            double rb = m.b().shape() instanceof Shape.Sphere s ? s.radius() : Double.MAX_VALUE;
            double r = Math.min(ra, rb);
            return r == Double.MAX_VALUE ? 0 : r;
        }

        void solveRolling(double[] v) {
            if (roll1 != null) {
                roll1.solve(v, oa, ob, accN);
                roll2.solve(v, oa, ob, accN);
                spin.solve(v, oa, ob, accN);
            }
        }

        void solveFriction(double[] v) {
            double limit = friction * accN;
            double next1 = clamp(accT1 - t1.mass * t1.relative(v, oa, ob), limit);
            double next2 = clamp(accT2 - t2.mass * t2.relative(v, oa, ob), limit);
            double l1 = next1 - accT1;
            double l2 = next2 - accT2;
            accT1 = next1;
            accT2 = next2;
            t1.apply(v, oa, ob, l1);
            t2.apply(v, oa, ob, l2);
        }

        void solvePenetration(double[] pv, SolverSettings s, double dt) {
            double bias = s.correction() / dt * Math.max(0, depth - s.slop());
            double vn = n.relative(pv, oa, ob);
            double next = Math.max(accPseudo + n.mass * (bias - vn), 0);
            double lambda = next - accPseudo;
            accPseudo = next;
            n.apply(pv, oa, ob, lambda);
        }

        private static double clamp(double v, double limit) {
            return Math.max(-limit, Math.min(limit, v));
        }
    }
}
