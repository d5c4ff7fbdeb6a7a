package io.p2c2r.executors.physics.rigid;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Mat3;
import io.p2c2r.executors.physics.math.Quat;

/**
 * One rigid body's mutable state (pose and velocities) plus its fixed mass properties. Mutated only by the
 * {@link World} that owns it, on the thread that steps that world; not thread-safe.
 */
public final class Body {
    final int id;
    final Shape shape;
    final double mass;
    final double invMass;
    final Vec3 invInertiaLocal;
    final Material material;
    Vec3 position;
    Quat orientation;
    Mat3 rotation;
    Vec3 velocity;
    Vec3 angularVelocity;
    // Split-impulse velocities: they move the body out of penetration for one step and are then discarded,
    // so position correction never adds kinetic energy.
    Vec3 pseudoVelocity = Vec3.ZERO;
    Vec3 pseudoAngularVelocity = Vec3.ZERO;
    /** Sleeping state, kept by {@link Islands}: how long the body has been still, and whether it sleeps now. */
    double stillTime;
    boolean asleep;

    /** A body; {@code mass == 0} makes it static (immovable). */
    public Body(int id, Shape shape, double mass, Material material, Vec3 position, Quat orientation,
                Vec3 velocity, Vec3 angularVelocity) {
        if (!(mass >= 0)) {
            throw new IllegalArgumentException("mass = " + mass + " must be >= 0 (0 = static)");
        }
        this.id = id;
        this.shape = shape;
        this.mass = mass;
        this.material = material;
        this.invMass = mass == 0 ? 0 : 1 / mass;
        Vec3 inertia = shape == null || mass == 0 ? Vec3.ZERO : shape.inertia(mass);
        this.invInertiaLocal = mass == 0 ? Vec3.ZERO
                : new Vec3(1 / inertia.x(), 1 / inertia.y(), 1 / inertia.z());
        this.position = position;
        this.orientation = orientation.normalized();
        this.rotation = this.orientation.toMatrix();
        this.velocity = mass == 0 ? Vec3.ZERO : velocity;
        this.angularVelocity = mass == 0 ? Vec3.ZERO : angularVelocity;
    }

    /** The immovable ground half-space {@code y <= 0}. */
    public static Body ground(Material material) {
        return new Body(-1, null, 0, material, Vec3.ZERO, Quat.IDENTITY, Vec3.ZERO, Vec3.ZERO);
    }

    public int id() {
        return id;
    }

    public Shape shape() {
        return shape;
    }

    public double mass() {
        return mass;
    }

    public double invMass() {
        return invMass;
    }

    public Material material() {
        return material;
    }


    public boolean isStatic() {
        return invMass == 0;
    }

    public Vec3 position() {
        return position;
    }

    public Quat orientation() {
        return orientation;
    }

    public Mat3 rotation() {
        return rotation;
    }

    public Vec3 velocity() {
        return velocity;
    }

    public Vec3 angularVelocity() {
        return angularVelocity;
    }

    /** World-space inverse inertia applied to {@code v}: {@code R * I_local^-1 * R^T * v}. */
    public Vec3 invInertiaTimes(Vec3 v) {
        Vec3 l = rotation.transposeTimes(v);
        return rotation.times(new Vec3(l.x() * invInertiaLocal.x(), l.y() * invInertiaLocal.y(),
                l.z() * invInertiaLocal.z()));
    }

    /** World-space inverse inertia {@code R * I_local^-1 * R^T} (zero for a static body). */
    public Mat3 invInertiaWorld() {
        Mat3 r = rotation;
        double[] row0 = {r.m00(), r.m01(), r.m02()};
        double[] row1 = {r.m10(), r.m11(), r.m12()};
        double[] row2 = {r.m20(), r.m21(), r.m22()};
        double[] d = {invInertiaLocal.x(), invInertiaLocal.y(), invInertiaLocal.z()};
        return new Mat3(dot(row0, d, row0), dot(row0, d, row1), dot(row0, d, row2),
                dot(row1, d, row0), dot(row1, d, row1), dot(row1, d, row2),
                dot(row2, d, row0), dot(row2, d, row1), dot(row2, d, row2));
    }

    private static double dot(double[] a, double[] d, double[] b) {
        return a[0] * d[0] * b[0] + a[1] * d[1] * b[1] + a[2] * d[2] * b[2];
    }

    /** Sets the velocities and split-impulse velocities the contact solver found. */
    public void setVelocities(Vec3 linear, Vec3 angular, Vec3 pseudoLinear, Vec3 pseudoAngular) {
        velocity = linear;
        angularVelocity = angular;
        pseudoVelocity = pseudoLinear;
        pseudoAngularVelocity = pseudoAngular;
    }

    /** Whether the body sleeps this step: it is neither moved nor solved until its island wakes. */
    public boolean asleep() {
        return asleep;
    }

    void fallAsleep() {
        velocity = Vec3.ZERO;
        angularVelocity = Vec3.ZERO;
    }

    /** Translational plus rotational kinetic energy. */
    public double kineticEnergy() {
        if (invMass == 0) {
            return 0;
        }
        Vec3 l = rotation.transposeTimes(angularVelocity);
        Vec3 inertia = shape.inertia(mass);
        double rot = inertia.x() * l.x() * l.x() + inertia.y() * l.y() * l.y() + inertia.z() * l.z() * l.z();
        return 0.5 * mass * velocity.lengthSquared() + 0.5 * rot;
    }

    /** Velocity of the material point at world offset {@code r} from the centre. */
    public Vec3 pointVelocity(Vec3 r) {
        return velocity.plus(angularVelocity.cross(r));
    }



    /** Moves the body by its velocity plus the split-impulse correction, then clears the correction. */
    public void integratePose(double dt) {
        position = position.plusScaled(velocity.plus(pseudoVelocity), dt);
        orientation = orientation.integrate(angularVelocity.plus(pseudoAngularVelocity), dt);
        rotation = orientation.toMatrix();
        pseudoVelocity = Vec3.ZERO;
        pseudoAngularVelocity = Vec3.ZERO;
    }
}
