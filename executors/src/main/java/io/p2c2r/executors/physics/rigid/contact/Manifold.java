package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import java.util.List;

/**
 * The contact between two bodies: a unit normal pointing from {@code a} towards {@code b} and one to four
 * points sharing it. Immutable; built by the narrow phase, consumed by the {@link ContactSolver}.
 */
public record Manifold(Body a, Body b, Vec3 normal, List<ContactPoint> points) {
    public Manifold {
        points = List.copyOf(points);
    }

    public double maxDepth() {
        double d = 0;
        for (ContactPoint p : points) {
            d = Math.max(d, p.depth());
        }
        return d;
    }
}
