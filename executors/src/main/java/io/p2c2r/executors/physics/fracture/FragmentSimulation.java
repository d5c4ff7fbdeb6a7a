package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.SimulationWork;
import io.p2c2r.executors.physics.math.Quat;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Material;
import io.p2c2r.executors.physics.rigid.World;
import io.p2c2r.executors.physics.rigid.contact.SolverSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Throws fragments apart from the impact and lets them fall onto the ground {@code y = 0} with the rigid-body
 * engine, each fragment colliding as its exact convex hull with its exact mass and inertia. Stateless.
 */
public final class FragmentSimulation {
    private static final Material STONE = new Material(0.1, 0.6);
    public static final double DT = 1.0 / 60;

    private FragmentSimulation() {}

    /**
     * A fragment's final state. The fragment's vertex {@code v} (as returned, at rest) is now at
     * {@code position + R(orientation) (v - centroid)}.
     */
    public record Pose(Vec3 position, Quat orientation, Vec3 velocity, Vec3 angularVelocity, double kineticEnergy) {
    }

    /** One pose per fragment, in fragment order, and the work of the run as {@code work} counts it. */
    public record Outcome(List<Pose> poses, long workUnits) {
    }

    /** Solver settings of the fragments' world: 8 velocity iterations. */
    public static final SolverSettings SOLVER = SolverSettings.defaults(8);

    /** Runs {@code steps} steps of {@link #DT}. */
    public static Outcome run(List<Fragment> fragments, double density, Vec3 impact, double speed, int steps,
                              SimulationWork work, ExecutionContext ctx) {
        double reach = 0;
        for (Fragment f : fragments) {
            reach = Math.max(reach, f.shape().centroid().minus(impact).length());
        }
        List<Body> bodies = new ArrayList<>(fragments.size());
        Quat[] frames = new Quat[fragments.size()];
        for (int i = 0; i < fragments.size(); i++) {
            ConvexPolyhedron shape = fragments.get(i).shape();
            FragmentBodies.Principal principal = FragmentBodies.of(shape);
            frames[i] = principal.frame();
            Vec3 c = shape.centroid();
            Vec3 away = c.minus(impact);
            // Pieces near the impact fly fastest; the speed falls off exponentially over the solid's size.
            Vec3 v = away.normalizedOr(new Vec3(0, 1, 0))
                    .times(speed * StrictMath.exp(-2 * away.length() / Math.max(reach, 1e-9)));
            bodies.add(new Body(i, principal.hull(), density * shape.volume(), STONE, c, principal.frame(), v, Vec3.ZERO));
        }
        World world = new World(bodies, new Vec3(0, -9.81, 0), STONE, SOLVER);
        long units = 0;
        for (int s = 0; s < steps; s++) {
            ctx.checkCancelled();
            world.step(DT, ctx);
            units += work.step(world, SOLVER);
        }
        List<Pose> out = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            Body b = bodies.get(i);
            // Undo the principal-axes frame so the pose applies to the fragment's own (world, at rest) vertices.
            out.add(new Pose(b.position(), b.orientation().times(frames[i].conjugate()).normalized(), b.velocity(),
                    b.angularVelocity(), b.kineticEnergy()));
        }
        return new Outcome(out, units);
    }
}
