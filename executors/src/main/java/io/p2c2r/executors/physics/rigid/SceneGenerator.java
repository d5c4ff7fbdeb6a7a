package io.p2c2r.executors.physics.rigid;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Quat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a seeded scene of falling spheres and boxes: one body per cell of a square-based lattice of 1.5 m
 * cells above the ground, so no two bodies start overlapping, each jittered, randomly turned and given a
 * small random velocity. Stateless and thread-safe.
 */
public final class SceneGenerator {
    static final double CELL = 1.5;

    private SceneGenerator() {}

    public static List<Body> generate(int count, long seed, Material material) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int side = (int) Math.ceil(Math.sqrt(Math.max(1, count / 8.0)));
        List<Body> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int layer = i / (side * side);
            int inLayer = i % (side * side);
            double jitter = 0.1;
            Vec3 position = new Vec3(
                    (inLayer % side - (side - 1) / 2.0) * CELL + rnd.nextDouble(-jitter, jitter),
                    1.0 + layer * CELL + rnd.nextDouble(0, jitter),
                    (inLayer / side - (side - 1) / 2.0) * CELL + rnd.nextDouble(-jitter, jitter));
            Vec3 axis = new Vec3(rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1))
                    .normalizedOr(new Vec3(0, 1, 0));
            Quat orientation = Quat.axisAngle(axis, rnd.nextDouble(0, 2 * Math.PI));
            Vec3 velocity = new Vec3(rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 0), rnd.nextDouble(-1, 1));
            Shape shape = rnd.nextBoolean()
                    ? new Shape.Sphere(rnd.nextDouble(0.2, 0.5))
                    : new Shape.Box(new Vec3(rnd.nextDouble(0.2, 0.5), rnd.nextDouble(0.2, 0.5), rnd.nextDouble(0.2, 0.5)));
            // Density of water, so heavier shapes weigh more in proportion to their size.
            double mass = 1000 * shape.volume();
            out.add(new Body(i, shape, mass, material, position, orientation, velocity, Vec3.ZERO));
        }
        return out;
    }
}
