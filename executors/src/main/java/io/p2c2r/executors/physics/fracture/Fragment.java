package io.p2c2r.executors.physics.fracture;

/** One piece of a fractured solid and the fracture level (1 = first split) that produced it. Immutable. */
public record Fragment(ConvexPolyhedron shape, int level) {
}
