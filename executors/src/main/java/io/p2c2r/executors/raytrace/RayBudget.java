package io.p2c2r.executors.raytrace;

/**
 * The work limit shared by the ray-tracing tasks, on an upper estimate of the rays a task may cast. At the
 * measured ~6 million rays per second per core (docs/BENCHMARKS.md) it is at most about half a minute of
 * rays on a 2-core home PC, and real counts are lower than the estimate. Constants only.
 */
final class RayBudget {
    static final long MAX_RAYS = 400_000_000L;

    private RayBudget() {}

    /** Rays of a Whitted tree of {@code bounces} levels where every hit may split in two (glass). */
    static long whittedTree(int bounces) {
        return (1L << (bounces + 1)) - 1;
    }
}
