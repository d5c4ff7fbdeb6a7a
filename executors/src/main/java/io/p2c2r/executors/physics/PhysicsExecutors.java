package io.p2c2r.executors.physics;

import io.p2c2r.executors.TaskExecutor;
import java.util.List;

/** The executors of this family that have landed: rigid-body, fluid and destruction physics. */
public final class PhysicsExecutors {
    private PhysicsExecutors() {}

    public static List<TaskExecutor> all() {
        return List.of(new RigidBodyExecutor(), new FluidExecutor(), new DestructionExecutor());
    }
}
