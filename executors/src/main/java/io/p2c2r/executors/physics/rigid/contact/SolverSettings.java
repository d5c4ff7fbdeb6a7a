package io.p2c2r.executors.physics.rigid.contact;

/**
 * Fixed solver tuning: iteration counts, the penetration allowed without correction ({@code slop}), the
 * fraction of the remaining penetration removed per step ({@code correction}) and the approach speed
 * below which contacts do not bounce. Immutable.
 */
public record SolverSettings(int velocityIterations, int positionIterations, double slop, double correction,
                             double restitutionThreshold) {
    public static SolverSettings defaults(int iterations) {
        return new SolverSettings(iterations, Math.max(1, iterations / 2), 0.005, 0.2, 0.5);
    }
}
