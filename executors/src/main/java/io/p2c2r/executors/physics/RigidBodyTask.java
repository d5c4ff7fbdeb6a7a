package io.p2c2r.executors.physics;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Quat;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Material;
import io.p2c2r.executors.physics.rigid.SceneGenerator;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.World;
import java.util.ArrayList;
import java.util.List;

/** The validated input of a {@code physics_rigid_body} task, with its documented limits. Immutable. */
record RigidBodyTask(List<Params> givenBodies, int numObjects, long seed, int steps, double dt, Vec3 gravity,
                     Material material, int iterations, boolean ground, int recordEvery, int maxContacts) {
    static final int MAX_BODIES = 2000;
    static final int MAX_STEPS = 10_000;
    static final long MAX_BODY_STEPS = 1_500_000;
    static final long MAX_WORK = 20_000_000; // bodies x steps x solver iterations
    static final int MAX_FRAME_POSES = 50_000; // recorded bodies x frames, keeps the result near 6 MB

    static RigidBodyTask parse(Params p) {
        p.allowOnly("seed", "num_objects", "bodies", "simulation_steps", "dt", "gravity", "restitution", "friction",
                "solver_iterations", "ground", "record_every", "max_contacts");
        List<Params> bodies = p.objects("bodies", MAX_BODIES);
        int num = bodies.isEmpty() ? p.intValue("num_objects", 20, 1, MAX_BODIES) : bodies.size();
        int steps = p.intValue("simulation_steps", 60, 1, MAX_STEPS);
        int iterations = p.intValue("solver_iterations", 10, 1, 100);
        if ((long) num * steps > MAX_BODY_STEPS) {
            throw new InvalidTaskException(p.path() + ": bodies x simulation_steps = " + num + " x " + steps
                    + " exceeds the limit " + MAX_BODY_STEPS);
        }
        if ((long) num * steps * iterations > MAX_WORK) {
            throw new InvalidTaskException(p.path() + ": bodies x simulation_steps x solver_iterations = " + num
                    + " x " + steps + " x " + iterations + " exceeds the limit " + MAX_WORK);
        }
        int recordEvery = p.intValue("record_every", 0, 0, MAX_STEPS);
        if (recordEvery > 0 && (long) (steps / recordEvery + 1) * num > MAX_FRAME_POSES) {
            throw new InvalidTaskException(p.field("record_every") + " = " + recordEvery + " records "
                    + (steps / recordEvery + 1) + " frames x " + num + " bodies; the limit is " + MAX_FRAME_POSES
                    + " body poses");
        }
        Material material = new Material(p.doubleValue("restitution", 0.3, 0, 1), p.doubleValue("friction", 0.5, 0, 10));
        Vec3 gravity = Vec3.of(p.optDoubleArray("gravity", 3, 3, -1000, 1000).orElse(new double[] {0, -9.81, 0}));
        RigidBodyTask task = new RigidBodyTask(bodies, num, p.longValue("seed", 1, 0, Long.MAX_VALUE), steps,
                p.doubleValue("dt", 1.0 / 60, 1e-4, 0.1), gravity, material, iterations, p.bool("ground", true),
                recordEvery, p.intValue("max_contacts", 100, 0, 1000));
        // validates every given body, and refuses a pile whose contact pairs would grow as n² before any work
        World.checkOverlap(task.bodies(), p.field(bodies.isEmpty() ? "num_objects" : "bodies"));
        return task;
    }

    /** The bodies: those given in the data, or a seeded scene of {@code num_objects}. */
    List<Body> bodies() {
        if (givenBodies.isEmpty()) {
            return SceneGenerator.generate(numObjects, seed, material);
        }
        List<Body> out = new ArrayList<>(givenBodies.size());
        for (int i = 0; i < givenBodies.size(); i++) {
            out.add(body(i, givenBodies.get(i)));
        }
        return out;
    }

    private Body body(int id, Params b) {
        b.allowOnly("shape", "radius", "half_extents", "mass", "position", "orientation", "velocity",
                "angular_velocity", "restitution", "friction");
        String kind = b.oneOf("shape", "box", "box", "sphere");
        Shape shape = kind.equals("sphere")
                ? new Shape.Sphere(b.doubleValue("radius", 0.5, 0.01, 100))
                : new Shape.Box(Vec3.of(b.optDoubleArray("half_extents", 3, 3, 0.01, 100).orElse(new double[] {0.5, 0.5, 0.5})));
        double[] q = b.optDoubleArray("orientation", 4, 4, -1, 1).orElse(new double[] {1, 0, 0, 0});
        if (q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3] < 1e-6) {
            throw new InvalidTaskException(b.field("orientation") + " is a zero quaternion; expected [w, x, y, z] of length 1");
        }
        Material m = new Material(b.doubleValue("restitution", material.restitution(), 0, 1),
                b.doubleValue("friction", material.friction(), 0, 10));
        return new Body(id, shape, b.doubleValue("mass", 1, 0, 1e6), m,
                Vec3.of(b.doubleArray("position", 3, 3, -1e4, 1e4)), new Quat(q[0], q[1], q[2], q[3]),
                Vec3.of(b.optDoubleArray("velocity", 3, 3, -1000, 1000).orElse(new double[3])),
                Vec3.of(b.optDoubleArray("angular_velocity", 3, 3, -1000, 1000).orElse(new double[3])));
    }
}
