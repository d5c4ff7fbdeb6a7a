package io.p2c2r.executors.physics.rigid;

/** Surface properties of a body: coefficient of restitution in [0, 1] and Coulomb friction; immutable. */
public record Material(double restitution, double friction) {
    public Material {
        if (!(restitution >= 0 && restitution <= 1)) {
            throw new IllegalArgumentException("restitution = " + restitution + " is out of range [0, 1]");
        }
        if (!(friction >= 0 && friction <= 10)) {
            throw new IllegalArgumentException("friction = " + friction + " is out of range [0, 10]");
        }
    }

    /** Combined properties of a touching pair: the bouncier restitution and the geometric mean of friction. */
    public Material combine(Material o) {
        return new Material(Math.max(restitution, o.restitution), Math.sqrt(friction * o.friction));
    }
}
