package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;

/** A light that direct lighting samples with shadow rays. Implementations are immutable. */
public sealed interface Light permits PointLight, AreaLight {
    /**
     * The light's sample point for stratum coordinates {@code (s, t)} in [0,1]^2 (a point light ignores them).
     */
    Vec3 pointAt(double s, double t);

    /**
     * The irradiance factor at {@code x} from sample point {@code p}: what multiplies {@code f * cos(theta_x)}
     * in the direct-lighting estimate (for an area light, {@code L * cos(theta_light) * area / d^2}).
     */
    Vec3 arriving(Vec3 x, Vec3 p);
}
