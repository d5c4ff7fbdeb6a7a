package io.p2c2r.executors.physics.rigid;

import java.util.List;

/**
 * Puts still bodies to sleep, island by island (Box2D's scheme): an island is a connected group of movable bodies
 * that touched in the last step (static bodies do not join islands). It sleeps when every body in it has moved
 * slower than the tolerances for {@link #TIME_TO_SLEEP}; {@link #wake} wakes it when an awake body touches a
 * member. The grouping is a union-find over the touching pairs in their sorted order, so it depends only on the
 * bodies. Mutable; one per world, one thread.
 */
final class Islands {
    /** Below these speeds a body counts as still (m/s, rad/s). */
    static final double LINEAR_TOLERANCE = 0.1;
    static final double ANGULAR_TOLERANCE = 0.5;
    /** How long (seconds) a whole island must stay still before it sleeps. */
    static final double TIME_TO_SLEEP = 0.5;

    private final int[] parent;
    private final boolean[] awake;

    Islands(int count) {
        parent = new int[count];
        awake = new boolean[count];
    }

    /**
     * Decides which bodies sleep during this step from the pairs that touched in the last step (encoded
     * {@code i * n + j}); a body that falls asleep has its velocities cleared.
     */
    void update(List<Body> bodies, long[] pairs) {
        int n = bodies.size();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            awake[i] = false;
        }
        for (long p : pairs) {
            int a = (int) (p / n);
            int b = (int) (p % n);
            if (!bodies.get(a).isStatic() && !bodies.get(b).isStatic()) {
                union(a, b);
            }
        }
        for (int i = 0; i < n; i++) {
            Body b = bodies.get(i);
            if (!b.isStatic() && b.stillTime < TIME_TO_SLEEP) {
                awake[find(i)] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            Body b = bodies.get(i);
            if (b.isStatic()) {
                continue;
            }
            boolean sleep = !awake[find(i)];
            if (sleep && !b.asleep) {
                b.fallAsleep();
            }
            b.asleep = sleep;
        }
    }

    /** Wakes the island of body {@code i} (as grouped by the last {@link #update}) and restarts its still time. */
    void wake(List<Body> bodies, int i) {
        int root = find(i);
        for (int k = 0; k < bodies.size(); k++) {
            Body b = bodies.get(k);
            if (b.asleep && find(k) == root) {
                b.asleep = false;
                b.stillTime = 0;
            }
        }
    }

    /** After a step: how long each awake body has been still. */
    static void measure(List<Body> bodies, double dt) {
        for (Body b : bodies) {
            if (b.isStatic() || b.asleep) {
                continue;
            }
            boolean still = b.velocity.lengthSquared() < LINEAR_TOLERANCE * LINEAR_TOLERANCE
                    && b.angularVelocity.lengthSquared() < ANGULAR_TOLERANCE * ANGULAR_TOLERANCE;
            b.stillTime = still ? b.stillTime + dt : 0;
        }
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            // the smaller index becomes the root, so the forest does not depend on visiting order ties
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
