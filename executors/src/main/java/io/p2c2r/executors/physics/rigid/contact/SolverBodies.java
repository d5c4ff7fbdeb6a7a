package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Mat3;
import io.p2c2r.executors.physics.rigid.Body;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The velocities of the bodies one step's contacts touch, copied into flat arrays so that the solver's inner loop
 * mutates doubles instead of allocating vectors (profiling showed 70% of a 1,000-body step in {@code Vec3}
 * arithmetic of the impulse loop). Slots are given in first-touch order, so they depend only on the contact order.
 * Mutable; owned by one {@link ContactSolver}.
 */
final class SolverBodies {
    private final Map<Body, Integer> slots = new IdentityHashMap<>();
    private final List<Body> bodies = new ArrayList<>();
    double[] invMass = new double[16];
    /** World inverse inertia per slot, row-major 3x3. */
    double[] invInertia = new double[16 * 9];
    /** Linear then angular velocity per slot (6 doubles), and the same for the split-impulse velocities. */
    double[] vel = new double[16 * 6];
    double[] pseudo = new double[16 * 6];

    int slot(Body b) {
        Integer s = slots.get(b);
        if (s != null) {
            return s;
        }
        int k = bodies.size();
        slots.put(b, k);
        bodies.add(b);
        if (k == invMass.length) {
            invMass = java.util.Arrays.copyOf(invMass, 2 * k);
            invInertia = java.util.Arrays.copyOf(invInertia, 18 * k);
            vel = java.util.Arrays.copyOf(vel, 12 * k);
            pseudo = java.util.Arrays.copyOf(pseudo, 12 * k);
        }
        invMass[k] = b.invMass();
        Mat3 i = b.invInertiaWorld();
        double[] m = {i.m00(), i.m01(), i.m02(), i.m10(), i.m11(), i.m12(), i.m20(), i.m21(), i.m22()};
        System.arraycopy(m, 0, invInertia, 9 * k, 9);
        Vec3 v = b.velocity();
        Vec3 w = b.angularVelocity();
        vel[6 * k] = v.x();
        vel[6 * k + 1] = v.y();
        vel[6 * k + 2] = v.z();
        vel[6 * k + 3] = w.x();
        vel[6 * k + 4] = w.y();
        vel[6 * k + 5] = w.z();
        return k;
    }

    /** World inverse inertia of slot {@code s} times {@code v}. */
    Vec3 invInertiaTimes(int s, Vec3 v) {
        int o = 9 * s;
        double[] m = invInertia;
        return new Vec3(m[o] * v.x() + m[o + 1] * v.y() + m[o + 2] * v.z(),
                m[o + 3] * v.x() + m[o + 4] * v.y() + m[o + 5] * v.z(),
                m[o + 6] * v.x() + m[o + 7] * v.y() + m[o + 8] * v.z());
    }

    /** Writes the solved velocities back to the movable bodies. */
    void writeBack() {
        for (int k = 0; k < bodies.size(); k++) {
            Body b = bodies.get(k);
            if (!b.isStatic()) {
                int o = 6 * k;
                b.setVelocities(new Vec3(vel[o], vel[o + 1], vel[o + 2]), new Vec3(vel[o + 3], vel[o + 4], vel[o + 5]),
                        new Vec3(pseudo[o], pseudo[o + 1], pseudo[o + 2]),
                        new Vec3(pseudo[o + 3], pseudo[o + 4], pseudo[o + 5]));
            }
        }
    }
}
