package io.p2c2r.executors.physics;

/** Guards the JSON contract (finite numbers only) against a diverged simulation. Stateless. */
final class Finite {
    private Finite() {}

    /** Returns {@code value}, or throws naming {@code what} if it is NaN or infinite. */
    static double check(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException(what + " = " + value + ": the simulation diverged");
        }
        return value;
    }
}
