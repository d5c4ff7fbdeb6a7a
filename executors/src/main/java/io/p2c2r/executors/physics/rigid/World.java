package io.p2c2r.executors.physics.rigid;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.broadphase.SweepAndPrune;
import io.p2c2r.executors.physics.rigid.contact.ContactCache;
import io.p2c2r.executors.physics.rigid.contact.ContactSolver;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import io.p2c2r.executors.physics.rigid.contact.SolverSettings;
import io.p2c2r.executors.physics.rigid.narrowphase.GroundContacts;
import io.p2c2r.executors.physics.rigid.narrowphase.Narrowphase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fixed-step rigid-body world: gravity, optional ground plane {@code y = 0}, sweep-and-prune broad phase,
 * box/sphere narrow phase, a sequential-impulse solver and sleeping islands ({@link Islands}). The narrow phase may run in
 * parallel (each pair writes its own slot); everything else is sequential in body order, so the result does
 * not depend on the thread count. Mutable; step it from one thread at a time.
 */
public final class World {
    private final List<Body> bodies;
    private final Vec3 gravity;
    private final Body ground;
    private final SolverSettings settings;
    /**
     * Overlapping pairs allowed per body (a box in a dense pile touches about 6-12 others). Beyond it the step's
     * contact work and memory grow as n², so the input is refused instead: 2,000 boxes at one point made 2 million
     * pairs, 17 s a step and 6 GB.
     */
    public static final int PAIRS_PER_BODY = 32;
    private final SweepAndPrune broadphase;
    private final String field;
    private final Islands islands;
    /** Each body's position in {@link #bodies}, which the pair codes use (ids need not be positions). */
    private final java.util.Map<Body, Integer> index = new java.util.IdentityHashMap<>();
    private List<Manifold> lastContacts = List.of();
    /** Pairs of movable bodies that touched in the last step ({@code i * n + j}, ascending), for the islands. */
    private long[] touching = new long[0];
    private int steps;
    private ContactCache impulses;

    /** @param ground the ground material, or null for no ground plane */
    public World(List<Body> bodies, Vec3 gravity, Material ground, SolverSettings settings) {
        this(bodies, gravity, ground, settings, "bodies");
    }

    /** @param field the input field the bodies come from, named when too many of them overlap */
    public World(List<Body> bodies, Vec3 gravity, Material ground, SolverSettings settings, String field) {
        this.bodies = List.copyOf(bodies);
        this.gravity = gravity;
        this.ground = ground == null ? null : Body.ground(ground);
        this.settings = settings;
        this.broadphase = new SweepAndPrune(bodies.size(), pairLimit(bodies.size()));
        this.field = field;
        this.islands = new Islands(bodies.size());
        for (int i = 0; i < this.bodies.size(); i++) {
            index.put(this.bodies.get(i), i);
        }
    }

    public List<Body> bodies() {
        return bodies;
    }

    /** The manifolds found in the last step (before solving). */
    public List<Manifold> lastContacts() {
        return lastContacts;
    }

    /**
     * One step: find the overlapping pairs, decide which islands sleep, apply gravity to the awake bodies, find
     * their contacts at the current poses, solve, integrate the awake bodies (semi-implicit Euler).
     */
    public void step(double dt, ExecutionContext ctx) {
        steps++;
        lastContacts = findContacts(ctx, true, dt);
        impulses = new ContactSolver(lastContacts, settings, impulses).solve(dt);
        for (Body b : bodies) {
            if (!b.isStatic() && !b.asleep) {
                b.integratePose(dt);
            }
        }
        Islands.measure(bodies, dt);
    }

    /** The number of bodies asleep in the last step. */
    public int sleepingCount() {
        int k = 0;
        for (Body b : bodies) {
            k += b.asleep ? 1 : 0;
        }
        return k;
    }

    /**
     * The contacts at the current poses. With {@code stepping}, first decides who sleeps and applies gravity to the
     * awake bodies (whose velocities the contacts' restitution needs), and skips pairs of sleeping bodies.
     */
    private List<Manifold> findContacts(ExecutionContext ctx, boolean stepping, double dt) {
        int n = bodies.size();
        double[] min = new double[3 * n];
        double[] max = new double[3 * n];
        boolean[] isStatic = new boolean[n];
        bounds(min, max, isStatic);
        long[] all = broadphase.pairs(min, max, isStatic);
        if (all == null) {
            throw tooManyPairs(field, n, steps);
        }
        if (stepping) {
            islands.update(bodies, touching);
            wakeTouched(all, n);
            for (Body b : bodies) {
                if (!b.isStatic() && !b.asleep) {
                    b.velocity = b.velocity.plusScaled(gravity, dt);
                }
            }
        }
        long[] pairs = stepping ? awakePairs(all, n) : all;
        @SuppressWarnings("unchecked")
        Optional<Manifold>[] found = new Optional[pairs.length];
        ctx.parallelFor(pairs.length, k -> found[k] =
                Narrowphase.collide(bodies.get((int) (pairs[k] / n)), bodies.get((int) (pairs[k] % n))));
        List<Manifold> out = new ArrayList<>();
        if (ground != null) {
            for (int i = 0; i < n; i++) {
                Body b = bodies.get(i);
                if (!b.isStatic() && !(stepping && b.asleep) && min[3 * i + 1] <= 0) {
                    GroundContacts.collide(ground, b).ifPresent(out::add);
                }
            }
        }
        for (Optional<Manifold> m : found) {
            m.ifPresent(out::add);
        }
        if (stepping) {
            touching = touchingPairs(out, all, n);
        }
        return out;
    }

    /** Wakes each sleeping island that an awake movable body now touches. */
    private void wakeTouched(long[] pairs, int n) {
        for (long p : pairs) {
            Body a = bodies.get((int) (p / n));
            Body b = bodies.get((int) (p % n));
            if (a.isStatic() || b.isStatic() || a.asleep == b.asleep) {
                continue;
            }
            if (Narrowphase.collide(a, b).isPresent()) {
                islands.wake(bodies, (int) (a.asleep ? p / n : p % n));
            }
        }
    }

    /** This step's touching movable pairs, plus those of sleeping pairs (which did not move, so still touch). */
    private long[] touchingPairs(List<Manifold> found, long[] all, int n) {
        long[] out = new long[found.size() + all.length];
        int k = 0;
        for (Manifold m : found) {
            if (!m.a().isStatic() && !m.b().isStatic()) {
                int i = index.get(m.a());
                int j = index.get(m.b());
                out[k++] = (long) Math.min(i, j) * n + Math.max(i, j);
            }
        }
        for (long p : touching) {
            if (bodies.get((int) (p / n)).asleep && bodies.get((int) (p % n)).asleep) {
                out[k++] = p;
            }
        }
        long[] pairs = java.util.Arrays.copyOf(out, k);
        java.util.Arrays.sort(pairs);
        return pairs;
    }

    /** The pairs with an awake body (its island is awake, so the other body is awake or static). */
    private long[] awakePairs(long[] pairs, int n) {
        long[] out = new long[pairs.length];
        int k = 0;
        for (long p : pairs) {
            if (!bodies.get((int) (p / n)).asleep || !bodies.get((int) (p % n)).asleep) {
                out[k++] = p;
            }
        }
        return k == pairs.length ? pairs : java.util.Arrays.copyOf(out, k);
    }

    /** The most overlapping pairs a world of {@code bodies} bodies may have in one step. */
    public static int pairLimit(long bodies) {
        return (int) Math.max(1024, PAIRS_PER_BODY * bodies);
    }

    /** Refuses {@code bodies} (named {@code field}) if more pairs of them overlap at their initial poses than allowed. */
    public static void checkOverlap(List<Body> bodies, String field) {
        new World(bodies, Vec3.ZERO, null, SolverSettings.defaults(1), field).currentContactPairs();
    }

    private void currentContactPairs() {
        int n = bodies.size();
        double[] min = new double[3 * n];
        double[] max = new double[3 * n];
        boolean[] isStatic = new boolean[n];
        bounds(min, max, isStatic);
        if (broadphase.pairs(min, max, isStatic) == null) {
            throw tooManyPairs(field, n, 0);
        }
    }

    /** Each body's world bounding box into {@code min}, {@code max} (x, y, z per body). */
    private void bounds(double[] min, double[] max, boolean[] isStatic) {
        for (int i = 0; i < bodies.size(); i++) {
            Body b = bodies.get(i);
            Vec3 e = b.shape.aabbHalfExtent(b.rotation);
            Vec3 lo = b.position.minus(e);
            Vec3 hi = b.position.plus(e);
            for (int k = 0; k < 3; k++) {
                min[3 * i + k] = lo.get(k);
                max[3 * i + k] = hi.get(k);
            }
            isStatic[i] = b.isStatic();
        }
    }

    private static InvalidTaskException tooManyPairs(String field, int n, int step) {
        return new InvalidTaskException(field + ": more than " + pairLimit(n) + " pairs of the " + n + " bodies overlap"
                + (step == 0 ? " at their initial poses" : " at step " + step) + " (the limit is " + PAIRS_PER_BODY
                + " per body, at least 1024): spread the bodies out");
    }

    public double kineticEnergy() {
        double e = 0;
        for (Body b : bodies) {
            e += b.kineticEnergy();
        }
        return e;
    }

    /** Kinetic plus gravitational potential energy (relative to the origin). */
    public double totalEnergy() {
        double e = 0;
        for (Body b : bodies) {
            e += b.kineticEnergy() - b.mass * gravity.dot(b.position);
        }
        return e;
    }

    /** The contacts at the current poses, without solving them (for reporting the final state). */
    public List<Manifold> currentContacts(ExecutionContext ctx) {
        return findContacts(ctx, false, 0);
    }

    /** The deepest overlap among {@code contacts}. */
    public static double maxPenetration(List<Manifold> contacts) {
        double d = 0;
        for (Manifold m : contacts) {
            d = Math.max(d, m.maxDepth());
        }
        return d;
    }
}
