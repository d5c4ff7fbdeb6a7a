package io.p2c2r.executors.physics;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.fracture.ConvexPolyhedron;
import io.p2c2r.executors.physics.fracture.SolidBuilder;
import java.util.Optional;

/** The validated input of a {@code physics_destruction} task, with its documented limits. Immutable. */
record DestructionTask(ConvexPolyhedron solid, int complexity, int depth, Vec3 impact, long seed, double density,
                       int simulateSteps, double impactSpeed) {
    static final int MAX_COMPLEXITY = 2000;
    static final int MAX_DEPTH = 4;
    static final int MAX_PLANES = 64;
    static final int MAX_VERTICES = 48; // the hull test is cubic in this: 48 points cost ~1 ms
    static final int MAX_SIMULATE_STEPS = 600;
    static final long MAX_SIM_WORK = 240_000; // fragments x simulate_steps: about 25 s for 2,000 x 120

    static DestructionTask parse(Params p) {
        p.allowOnly("complexity", "fracture_depth", "solid", "impact_point", "seed", "density", "simulate_steps",
                "impact_speed");
        int complexity = p.intValue("complexity", 100, 2, MAX_COMPLEXITY);
        int depth = p.intValue("fracture_depth", 1, 1, MAX_DEPTH);
        int steps = p.intValue("simulate_steps", 0, 0, MAX_SIMULATE_STEPS);
        if ((long) complexity * steps > MAX_SIM_WORK) {
            throw new InvalidTaskException(p.path() + ": complexity x simulate_steps = " + complexity + " x " + steps
                    + " exceeds the limit " + MAX_SIM_WORK);
        }
        ConvexPolyhedron solid = solid(p.object("solid"));
        Vec3 impact = p.optDoubleArray("impact_point", 3, 3, -SolidBuilder.BOUND, SolidBuilder.BOUND)
                .map(Vec3::of).orElseGet(() -> defaultImpact(solid));
        return new DestructionTask(solid, complexity, depth, impact, p.longValue("seed", 1, 0, Long.MAX_VALUE),
                p.doubleValue("density", 2400, 1e-3, 1e5), steps, p.doubleValue("impact_speed", 5, 0, 100));
    }

    private static ConvexPolyhedron solid(Optional<Params> given) {
        if (given.isEmpty()) {
            return SolidBuilder.box(new Vec3(4, 2, 0.5));
        }
        Params s = given.get();
        s.allowOnly("box", "planes", "vertices");
        int kinds = (s.has("box") ? 1 : 0) + (s.has("planes") ? 1 : 0) + (s.has("vertices") ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidTaskException(s.path() + " needs exactly one of \"box\" ([sx, sy, sz]), \"vertices\""
                    + " ([[x, y, z], ...], their convex hull) or \"planes\" ([[nx, ny, nz, d], ...])");
        }
        if (s.has("box")) {
            return SolidBuilder.box(Vec3.of(s.doubleArray("box", 3, 3, 1e-3, SolidBuilder.BOUND)));
        }
        if (s.has("vertices")) {
            double[][] v = s.doubleRows("vertices", 3, MAX_VERTICES, -SolidBuilder.BOUND / 2, SolidBuilder.BOUND / 2);
            if (v.length < 4) {
                throw new InvalidTaskException(s.field("vertices") + " has " + v.length + " points; a solid needs at least 4");
            }
            try {
                return SolidBuilder.fromVertices(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidTaskException(s.field("vertices") + ": " + e.getMessage());
            }
        }
        try {
            return SolidBuilder.fromPlanes(s.doubleRows("planes", 4, MAX_PLANES, -1e6, 1e6));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException(s.field("planes") + ": " + e.getMessage());
        }
    }

    /** The centre of the solid's bounding-box face facing +z: the side a projectile usually hits. */
    private static Vec3 defaultImpact(ConvexPolyhedron solid) {
        Vec3 lo = solid.vertices().get(0);
        Vec3 hi = lo;
        for (Vec3 v : solid.vertices()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        return new Vec3((lo.x() + hi.x()) / 2, (lo.y() + hi.y()) / 2, hi.z());
    }
}
