package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.raytrace.scene.Scene;
import io.p2c2r.executors.WorkModel;
import java.util.Locale;

/**
 * The work limit and the work measure shared by the ray-tracing tasks. The limit is on an upper estimate of
 * the rays a task may cast: at the measured ~6 million rays per second per core (docs/BENCHMARKS.md) it is at
 * most about half a minute of rays on a 2-core home PC, and real counts are lower than the estimate. The
 * measure, {@code work_units}, counts ray-equivalents: every ray cast, plus a few per pixel for tone mapping
 * and PNG encoding and per primitive for building the BVH, so that a task made of few rays over many pixels
 * or primitives is not priced at nothing. Constants only.
 */
final class RayBudget {
    static final long MAX_RAYS = 400_000_000L;
    /** Ray-equivalents per output pixel: tone mapping, the PNG encoder, the pixel's random stream. */
    static final long PIXEL_UNITS = 2;
    /** Ray-equivalents per scene primitive: parsing it and its share of the BVH build. */
    static final long PRIMITIVE_UNITS = 16;
    static final String UNIT = "ray-equivalents (rays traced + " + PIXEL_UNITS + " per pixel + " + PRIMITIVE_UNITS
            + " per primitive)";

    /**
     * The most box and shape tests a task may ask for: {@link #MAX_RAYS} rays at {@link #TYPICAL_TESTS} tests each,
     * about what the budget's half minute of rays costs in a well-built BVH.
     */
    static final long TYPICAL_TESTS = 64;
    static final double MAX_TESTS = (double) MAX_RAYS * TYPICAL_TESTS;

    private RayBudget() {}

    /**
     * Refuses a scene whose BVH cannot cull (shapes piled on one another, such as thousands of identical
     * triangles) when its expected tests per ray times {@code maxRays} exceed {@link #MAX_TESTS}. Called after the
     * BVH is built and before any ray is cast.
     */
    static void checkTraversal(Params data, Scene scene, long maxRays) {
        double perRay = scene.bvh().expectedTests();
        double tests = perRay * maxRays;
        if (tests > MAX_TESTS) {
            throw new InvalidTaskException(String.format(Locale.ROOT, "%s: its shapes overlap so much that a ray would"
                    + " make about %.0f box and shape tests (largest BVH leaf %d shapes, depth %d; a good scene needs"
                    + " a few tens); with up to %d rays that is %.3g tests, the limit is %.3g: remove duplicate or"
                    + " stacked triangles, or cast fewer rays", data.field("scene"), perRay, scene.bvh().largestLeaf(),
                    scene.bvh().depth(), maxRays, tests, MAX_TESTS));
        }
    }

    /** Rays of a Whitted tree of {@code bounces} levels where every hit may split in two (glass). */
    static long whittedTree(int bounces) {
        return (1L << (bounces + 1)) - 1;
    }

    /** The {@code work_units} of a render that cast {@code rays} rays. */
    static long workUnits(long rays, FrameRequest frame) {
        return rays + PIXEL_UNITS * frame.tilePixels() + PRIMITIVE_UNITS * frame.primitiveCount();
    }

    static WorkModel model(long picosPerUnit) {
        return new WorkModel(UNIT, picosPerUnit, 0);
    }
}
