package io.p2c2r.executors.raytrace;

import io.p2c2r.executors.TaskExecutor;
import java.util.List;

/** The executors of this family that have landed: the ray-traced reflections, shadows and global illumination. */
public final class RayTraceExecutors {
    private RayTraceExecutors() {}

    public static List<TaskExecutor> all() {
        return List.of(new ReflectionsExecutor(), new ShadowsExecutor(), new GlobalIlluminationExecutor());
    }
}
