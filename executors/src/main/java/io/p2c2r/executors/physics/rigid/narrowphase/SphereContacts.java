package io.p2c2r.executors.physics.rigid.narrowphase;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import java.util.List;
import java.util.Optional;

/** Single-point contacts involving a sphere. Stateless and thread-safe. */
final class SphereContacts {
    private static final Vec3 UP = new Vec3(0, 1, 0);

    private SphereContacts() {}

    static Optional<Manifold> sphereSphere(Body a, Body b) {
        double ra = ((Shape.Sphere) a.shape()).radius();
        double rb = ((Shape.Sphere) b.shape()).radius();
        Vec3 d = b.position().minus(a.position());
        double dist = d.length();
        double depth = ra + rb - dist;
        if (depth < 0) {
            return Optional.empty();
        }
        Vec3 n = d.normalizedOr(UP);
        Vec3 point = a.position().plusScaled(n, ra - depth / 2);
        return Optional.of(new Manifold(a, b, n, List.of(new ContactPoint(point, depth))));
    }

    /** Box {@code a} against sphere {@code b}: closest point on the box, or the nearest face if the centre is inside. */
    static Optional<Manifold> boxSphere(Body a, Body b) {
        Vec3 h = ((Shape.Box) a.shape()).half();
        double r = ((Shape.Sphere) b.shape()).radius();
        Vec3 c = a.rotation().transposeTimes(b.position().minus(a.position()));
        Vec3 q = new Vec3(clamp(c.x(), h.x()), clamp(c.y(), h.y()), clamp(c.z(), h.z()));
        Vec3 nLocal;
        double depth;
        if (!q.equals(c)) {
            Vec3 d = c.minus(q);
            double dist = d.length();
            depth = r - dist;
            if (depth < 0) {
                return Optional.empty();
            }
            nLocal = d.times(1 / dist);
        } else {
            // Centre inside the box: leave through the face with the least travel.
            int axis = 0;
            double best = h.x() - Math.abs(c.x());
            for (int i = 1; i < 3; i++) {
                double gap = h.get(i) - Math.abs(c.get(i));
                if (gap < best) {
                    best = gap;
                    axis = i;
                }
            }
            double sign = c.get(axis) >= 0 ? 1 : -1;
            nLocal = axis == 0 ? new Vec3(sign, 0, 0) : axis == 1 ? new Vec3(0, sign, 0) : new Vec3(0, 0, sign);
            depth = r + best;
        }
        Vec3 n = a.rotation().times(nLocal);
        Vec3 point = b.position().plusScaled(n, -(r - depth / 2));
        return Optional.of(new Manifold(a, b, n, List.of(new ContactPoint(point, depth))));
    }

    static Manifold flip(Manifold m) {
        return new Manifold(m.b(), m.a(), m.normal().negate(), m.points());
    }

    private static double clamp(double v, double h) {
        return Math.max(-h, Math.min(h, v));
    }
}
