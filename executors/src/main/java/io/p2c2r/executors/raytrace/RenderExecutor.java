package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.Params;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import io.p2c2r.executors.raytrace.scene.Scene;

/**
 * What the three ray-tracing executors share: validation is planning the render (which checks the ray budget),
 * and the work bound and price come from the plan's ray estimate. Stateless and thread-safe.
 */
abstract class RenderExecutor implements TaskExecutor {
    /** A checked render: the frame and the most rays it may cast. */
    interface Plan {
        FrameRequest frame();

        long maxRays();
    }

    /** Parses and checks the data, refusing it beyond the ray budget, before any work. */
    abstract Plan plan(Params data);

    /** Reference-machine picoseconds per work unit, one thread: {@code peer.jar bench --calibrate}, docs/TASKS.md. */
    abstract long picosPerUnit();

    /** Builds the plan's scene (and its BVH) and refuses it, before any ray, if the BVH cannot cull. */
    static Scene buildScene(Plan plan, Params data) {
        Scene scene = plan.frame().scene().toScene();
        RayBudget.checkTraversal(data, scene, plan.maxRays());
        return scene;
    }

    @Override
    public final void validate(Params data) {
        plan(data);
    }

    @Override
    public final long maxWorkUnits(Params data) {
        Plan plan = plan(data);
        return RayBudget.workUnits(plan.maxRays(), plan.frame());
    }

    @Override
    public final WorkModel workModel() {
        return RayBudget.model(picosPerUnit());
    }
}
