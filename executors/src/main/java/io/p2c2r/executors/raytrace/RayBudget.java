package io.p2c2r.executors.raytrace;

import io.p2c2r.executors.WorkModel;

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

    private RayBudget() {}

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
