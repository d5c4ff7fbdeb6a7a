package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.physics.math.Quat;
import io.p2c2r.executors.physics.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Material;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.World;
import io.p2c2r.executors.physics.rigid.contact.SolverSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Throws fragments apart from the impact and lets them fall onto the ground {@code y = 0} with the rigid-body
 * engine. The engine collides boxes and spheres only, so each fragment collides as a proxy box: its bounding
 * box about the centroid, shrunk to the fragment's volume; mass is exact. Stateless.
 */
public final class FragmentSimulation {
    private static final Material STONE = new Material(0.1, 0.6);

    private FragmentSimulation() {}

    /** Runs {@code steps} steps of 1/60 s and returns one body per fragment, in fragment order. */
    public static List<Body> run(List<Fragment> fragments, double density, Vec3 impact, double speed, int steps,
                                 ExecutionContext ctx) {
        double reach = 0;
        for (Fragment f : fragments) {
            reach = Math.max(reach, f.shape().centroid().minus(impact).length());
        }
        List<Body> bodies = new ArrayList<>(fragments.size());
        for (int i = 0; i < fragments.size(); i++) {
            ConvexPolyhedron shape = fragments.get(i).shape();
            Vec3 c = shape.centroid();
            Vec3 away = c.minus(impact);
            double d = away.length();
            // Pieces near the impact fly fastest; the speed falls off exponentially over the solid's size.
            Vec3 v = away.normalizedOr(new Vec3(0, 1, 0)).times(speed * StrictMath.exp(-2 * d / Math.max(reach, 1e-9)));
            bodies.add(new Body(i, proxy(shape, c), density * shape.volume(), STONE, c, Quat.IDENTITY, v, Vec3.ZERO));
        }
        World world = new World(bodies, new Vec3(0, -9.81, 0), STONE, SolverSettings.defaults(8));
        for (int s = 0; s < steps; s++) {
            ctx.checkCancelled();
            world.step(1.0 / 60, ctx);
        }
        return world.bodies();
    }

    private static Shape.Box proxy(ConvexPolyhedron shape, Vec3 c) {
        Vec3 half = Vec3.ZERO;
        for (Vec3 v : shape.vertices()) {
            Vec3 d = v.minus(c);
            half = half.max(new Vec3(Math.abs(d.x()), Math.abs(d.y()), Math.abs(d.z())));
        }
        double boxVolume = 8 * half.x() * half.y() * half.z();
        double shrink = StrictMath.cbrt(shape.volume() / boxVolume);
        Vec3 h = half.times(shrink);
        double floor = 1e-3;
        return new Shape.Box(new Vec3(Math.max(h.x(), floor), Math.max(h.y(), floor), Math.max(h.z(), floor)));
    }
}
