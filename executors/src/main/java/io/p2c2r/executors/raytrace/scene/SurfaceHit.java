package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.material.Material;

/**
 * Where a ray met the scene: distance, point, the outward normal, the normal turned to face the ray
 * ({@code facing}), whether the ray arrived on the outside ({@code front}) and what was hit. Immutable.
 */
public record SurfaceHit(double t, Vec3 point, Vec3 normal, Vec3 facing, boolean front, Primitive primitive) {
    public Material material() {
        return primitive.material();
    }
}
