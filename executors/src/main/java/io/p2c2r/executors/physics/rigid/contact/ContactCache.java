package io.p2c2r.executors.physics.rigid.contact;

import io.p2c2r.executors.math.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The impulses the solver found for last step's contact points, keyed by body pair, for warm starting:
 * a new point takes the impulse of the nearest old point of the same pair within {@link #MATCH_DISTANCE}.
 * Only looked up, never iterated, so its hash order cannot reach the result. Not thread-safe.
 */
public final class ContactCache {
    static final double MATCH_DISTANCE = 0.05;

    private final Map<Long, List<Entry>> byPair = new HashMap<>();

    /** One solved point: where it was, its normal impulse and its friction impulse as a world vector. */
    record Entry(Vec3 position, double normalImpulse, Vec3 frictionImpulse) {
    }

    /**
     * Ids are below 2^20 and the ground is -1, so this is unique; it is also its own {@code Long.hashCode}, where
     * {@code (a << 32) | b} hashed to {@code a ^ b} and piled thousands of pairs into a few tree bins.
     */
    static long key(int a, int b) {
        return ((long) (a + 1) << 20) | (b + 1);
    }

    void put(int a, int b, Entry e) {
        byPair.computeIfAbsent(key(a, b), k -> new ArrayList<>(4)).add(e);
    }

    /** The nearest old entry of the pair to {@code p}, or null when none is close enough. */
    Entry match(int a, int b, Vec3 p) {
        List<Entry> list = byPair.get(key(a, b));
        if (list == null) {
            return null;
        }
        Entry best = null;
        double bestD = MATCH_DISTANCE * MATCH_DISTANCE;
        for (Entry e : list) {
            double d = e.position().minus(p).lengthSquared();
            if (d < bestD) {
                bestD = d;
                best = e;
            }
        }
        return best;
    }
}
