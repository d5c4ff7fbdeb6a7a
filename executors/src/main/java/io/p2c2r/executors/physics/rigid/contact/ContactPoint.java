package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;

/** One point of a contact manifold: world position and penetration depth (positive = overlapping); immutable. */
public record ContactPoint(Vec3 position, double depth) {
}
