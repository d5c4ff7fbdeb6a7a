package io.p2c2r.executors.raytrace.render;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.math.Ray;
import io.p2c2r.executors.raytrace.math.Rng;

/** Estimates the radiance arriving along a camera ray. Implementations are immutable and thread-safe. */
public interface Integrator {
    /** One estimate; all randomness comes from {@code rng}, every ray cast is counted in {@code counter}. */
    Vec3 radiance(Ray ray, Rng rng, RayCounter counter);
}
