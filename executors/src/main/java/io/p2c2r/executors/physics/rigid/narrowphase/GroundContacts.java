package io.p2c2r.executors.physics.rigid.narrowphase;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.ConvexHull;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Contacts of a body with the ground half-space {@code y <= 0}; the normal is +y. Stateless and thread-safe. */
public final class GroundContacts {
    private static final Vec3 UP = new Vec3(0, 1, 0);

    private GroundContacts() {}

    public static Optional<Manifold> collide(Body ground, Body body) {
        List<ContactPoint> points = new ArrayList<>(4);
        if (body.shape() instanceof Shape.Sphere s) {
            double depth = s.radius() - body.position().y();
            if (depth >= 0) {
                Vec3 p = body.position();
                points.add(new ContactPoint(new Vec3(p.x(), -depth / 2, p.z()), depth));
            }
        } else if (body.shape() instanceof ConvexHull hull) {
            for (Vec3 local : hull.vertices()) {
                Vec3 w = body.position().plus(body.rotation().times(local));
                if (w.y() <= 0) {
                    points.add(new ContactPoint(new Vec3(w.x(), w.y() / 2, w.z()), -w.y()));
                }
            }
            points = Clipping.reduceKeepingDeepest(points, new Vec3(1, 0, 0), new Vec3(0, 0, 1));
        } else {
            Vec3 h = ((Shape.Box) body.shape()).half();
            for (int corner = 0; corner < 8; corner++) {
                Vec3 local = new Vec3((corner & 1) == 0 ? -h.x() : h.x(), (corner & 2) == 0 ? -h.y() : h.y(),
                        (corner & 4) == 0 ? -h.z() : h.z());
                Vec3 w = body.position().plus(body.rotation().times(local));
                if (w.y() <= 0) {
                    points.add(new ContactPoint(new Vec3(w.x(), w.y() / 2, w.z()), -w.y()));
                }
            }
        }
        return points.isEmpty() ? Optional.empty() : Optional.of(new Manifold(ground, body, UP, points));
    }
}
