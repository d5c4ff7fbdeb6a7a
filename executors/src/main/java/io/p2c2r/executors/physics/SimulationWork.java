package io.p2c2r.executors.physics;

import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.World;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import io.p2c2r.executors.physics.rigid.contact.SolverSettings;
import java.util.List;

/**
 * Counts the work of a rigid-body simulation from what each step found, quantities of the physics rather than of
 * the engine's data structures: body-steps (gravity, bounds, broad phase, integration), touching pairs (the narrow
 * phase: a closed form for a sphere or the ground, a separating-axis test and face clipping for two polyhedra)
 * and contact rows solved (one contact point through one velocity or position iteration). The weights say how
 * many of the task type's work units each costs, measured per type (docs/TASKS.md, "Work and price"). Immutable.
 */
public record SimulationWork(long bodyStepUnits, long pairUnits, long polyhedronPairUnits, long rowUnits) {
    /** Most contact points between two bodies (a box face or a hull face clipped to four). */
    static final int MAX_PAIR_POINTS = 4;
    /** Most contact points between a body and the ground (a box's eight corners). */
    static final int MAX_GROUND_POINTS = 8;

    /** Velocity plus position iterations per step: what one contact point costs the solver. */
    static long rowIterations(SolverSettings s) {
        return s.velocityIterations() + s.positionIterations();
    }

    /** The work of the step {@code world} just took. */
    public long step(World world, SolverSettings settings) {
        return bodyStepUnits * world.bodies().size() + contacts(world.lastContacts(), rowIterations(settings));
    }

    /** The work of finding (and, with {@code rowIterations} > 0, solving) these manifolds. */
    public long contacts(List<Manifold> manifolds, long rowIterations) {
        long work = 0;
        for (Manifold m : manifolds) {
            work += (polyhedra(m) ? polyhedronPairUnits : pairUnits) + rowUnits * rowIterations * m.points().size();
        }
        return work;
    }

    /** Two boxes or hulls: neither a sphere nor the ground (which has no shape). */
    private static boolean polyhedra(Manifold m) {
        return m.a().shape() != null && !(m.a().shape() instanceof Shape.Sphere)
                && m.b().shape() != null && !(m.b().shape() instanceof Shape.Sphere);
    }

    /**
     * The most work one step of {@code bodies} bodies can count: as many pairs as the world allows touching at
     * their most points, and every body on the ground at its most.
     */
    public long maxStep(long bodies, boolean ground, long rowIterations) {
        long pairs = Math.min(bodies * (bodies - 1) / 2, World.pairLimit(bodies)); // the world refuses more
        long pair = Math.max(pairUnits, polyhedronPairUnits);
        long row = rowUnits * rowIterations;
        long max = bodyStepUnits * bodies + pairs * (pair + MAX_PAIR_POINTS * row);
        return ground ? max + bodies * (pairUnits + MAX_GROUND_POINTS * row) : max;
    }
}
