package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.raytrace.geometry.Shape;
import io.p2c2r.executors.raytrace.material.Material;

/**
 * A shape with its material. {@code sampledLight} marks the surface of an area light that direct lighting
 * already samples, so a path tracer must not count its emission a second time. Immutable.
 */
public record Primitive(Shape shape, Material material, boolean sampledLight) {
}
