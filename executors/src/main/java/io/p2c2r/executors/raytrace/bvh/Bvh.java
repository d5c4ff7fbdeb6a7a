package io.p2c2r.executors.raytrace.bvh;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.geometry.Parallelogram;
import io.p2c2r.executors.raytrace.geometry.Shape;
import io.p2c2r.executors.raytrace.geometry.Sphere;
import io.p2c2r.executors.raytrace.geometry.Triangle;
import io.p2c2r.executors.raytrace.math.Ray;
import java.util.List;

/**
 * A bounding volume hierarchy over shapes, flattened into arrays (depth-first: an interior node's first
 * child follows it). Immutable after {@link #build}; safe to query from many threads at once.
 */
public final class Bvh {
    /** The nearest hit of a query: the index of the shape in the build list and the distance. */
    public record Hit(int shape, double t) {
    }

    private final double[] bounds;
    private final int[] second;
    private final int[] startOrAxis;
    private final int[] counts;
    private final int[] order;
    private final int maxDepth;
    private final Shape[] shapes;

    Bvh(Shape[] shapes, double[] bounds, int[] second, int[] startOrAxis, int[] counts, int[] order, int maxDepth) {
        this.bounds = bounds;
        this.second = second;
        this.startOrAxis = startOrAxis;
        this.counts = counts;
        this.order = order;
        this.maxDepth = maxDepth;
        this.shapes = shapes;
    }

    public static Bvh build(List<? extends Shape> shapes) {
        return new BvhBuilder(shapes).build();
    }

    public int nodeCount() {
        return counts.length;
    }

    public int depth() {
        return maxDepth;
    }

    /**
     * The expected number of box and shape tests of a ray that enters the root box, by the surface-area
     * argument (a random ray meets a box with probability proportional to its area): the sum over the nodes of
     * {@code area(node) / area(root)} times one box test plus, for a leaf, its shapes. A few tens for a good tree;
     * for n shapes stacked on one another about n, because every node is as big as the root.
     */
    public double expectedTests() {
        if (counts.length == 0) {
            return 0;
        }
        double root = area(0);
        double sum = 0;
        for (int node = 0; node < counts.length; node++) {
            sum += (root > 0 ? area(node) / root : 1) * (1 + counts[node]);
        }
        return sum;
    }

    /** The most shapes in one leaf. */
    public int largestLeaf() {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    private double area(int node) {
        int b = 6 * node;
        double dx = bounds[b + 3] - bounds[b];
        double dy = bounds[b + 4] - bounds[b + 1];
        double dz = bounds[b + 5] - bounds[b + 2];
        return 2 * (dx * dy + dy * dz + dz * dx);
    }

    /** The nearest shape the ray meets in {@code (tMin, tMax)}, or null. */
    public Hit closest(Ray ray, double tMin, double tMax) {
        return traverse(ray, tMin, tMax, false);
    }

    /** Whether any shape meets the ray in {@code (tMin, tMax)}; stops at the first one found. */
    public boolean occluded(Ray ray, double tMin, double tMax) {
        return traverse(ray, tMin, tMax, true) != null;
    }

    private Hit traverse(Ray ray, double tMin, double tMax, boolean any) {
        if (counts.length == 0) {
            return null;
        }
        Vec3 o = ray.origin();
        Vec3 d = ray.dir();
        double ox = o.x();
        double oy = o.y();
        double oz = o.z();
        double ix = 1.0 / d.x();
        double iy = 1.0 / d.y();
        double iz = 1.0 / d.z();
        boolean negX = ix < 0;
        boolean negY = iy < 0;
        boolean negZ = iz < 0;
        int[] stack = new int[maxDepth + 2];
        int top = 0;
        int node = 0;
        int best = -1;
        double bestT = tMax;
        while (true) {
            if (hitsBox(node, ox, oy, oz, ix, iy, iz, tMin, bestT)) {
                int count = counts[node];
                if (count > 0) {
                    int start = startOrAxis[node];
                    for (int i = start; i < start + count; i++) {
                        double t = intersect(shapes[order[i]], ray, tMin, bestT);
                        if (t < bestT) {
                            bestT = t;
                            best = order[i];
                            if (any) {
                                return new Hit(best, t);
                            }
                        }
                    }
                } else {
                    // visit the near child first so that the far one is often culled by bestT
                    int axis = startOrAxis[node];
                    if (axis == 0 ? negX : axis == 1 ? negY : negZ) {
                        stack[top++] = node + 1;
                        node = second[node];
                    } else {
                        stack[top++] = second[node];
                        node = node + 1;
                    }
                    continue;
                }
            }
            if (top == 0) {
                break;
            }
            node = stack[--top];
        }
        return best < 0 ? null : new Hit(best, bestT);
    }

    /**
     * {@code shape.intersect}, with the common kinds named so that each call site sees one class: through the
     * interface the call is megamorphic (three kinds) and the JIT cannot inline it. The same arithmetic either way.
     */
    private static double intersect(Shape shape, Ray ray, double tMin, double tMax) {
        if (shape instanceof Triangle t) {
            return t.intersect(ray, tMin, tMax);
        }
        if (shape instanceof Sphere s) {
            return s.intersect(ray, tMin, tMax);
        }
        if (shape instanceof Parallelogram p) {
            return p.intersect(ray, tMin, tMax);
        }
        return shape.intersect(ray, tMin, tMax);
    }

    private boolean hitsBox(int node, double ox, double oy, double oz, double ix, double iy, double iz,
                            double tMin, double tMax) {
        int b = 6 * node;
        double t0 = (bounds[b] - ox) * ix;
        double t1 = (bounds[b + 3] - ox) * ix;
        double lo = Math.max(tMin, Math.min(t0, t1));
        double hi = Math.min(tMax, Math.max(t0, t1));
        t0 = (bounds[b + 1] - oy) * iy;
        t1 = (bounds[b + 4] - oy) * iy;
        lo = Math.max(lo, Math.min(t0, t1));
        hi = Math.min(hi, Math.max(t0, t1));
        t0 = (bounds[b + 2] - oz) * iz;
        t1 = (bounds[b + 5] - oz) * iz;
        lo = Math.max(lo, Math.min(t0, t1));
        hi = Math.min(hi, Math.max(t0, t1));
        return lo <= hi;
    }
}
