package io.p2c2r.executors.physics.fluid;

/**
 * An emitter: every fluid cell whose centre lies within {@code radius} of {@code (x, y, z)} (cell units)
 * gains {@code density} per second and has its velocity set to {@code (vx, vy, vz)} cells per second,
 * during steps {@code [0, untilStep)}. Immutable.
 */
public record Source(double x, double y, double z, double radius, double density, double vx, double vy, double vz,
                     int untilStep) {
}
