package io.p2c2r.executors.physics.rigid.narrowphase;

import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.ConvexHull;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import java.util.Optional;

/** Picks the contact generator for a pair of shapes. Stateless and thread-safe. */
public final class Narrowphase {
    private Narrowphase() {}

    /** The manifold between two bodies, with the normal pointing from {@code a} to {@code b}, if they touch. */
    public static Optional<Manifold> collide(Body a, Body b) {
        if (a.shape() instanceof Shape.Sphere && b.shape() instanceof Shape.Sphere) {
            return SphereContacts.sphereSphere(a, b);
        }
        if (a.shape() instanceof Shape.Box && b.shape() instanceof Shape.Sphere) {
            return SphereContacts.boxSphere(a, b);
        }
        if (a.shape() instanceof Shape.Sphere && b.shape() instanceof Shape.Box) {
            return SphereContacts.boxSphere(b, a).map(SphereContacts::flip);
        }
        if (a.shape() instanceof ConvexHull && b.shape() instanceof ConvexHull) {
            return HullHull.collide(a, b);
        }
        if (a.shape() instanceof Shape.Box && b.shape() instanceof Shape.Box) {
            return BoxBox.collide(a, b);
        }
        // Hulls exist only in fracture simulations, where every body is a hull.
        throw new IllegalArgumentException("no contact generator for " + a.shape().getClass().getSimpleName()
                + " against " + b.shape().getClass().getSimpleName());
    }
}
