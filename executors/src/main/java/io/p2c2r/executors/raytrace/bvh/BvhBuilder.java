package io.p2c2r.executors.raytrace.bvh;

import io.p2c2r.executors.raytrace.geometry.Aabb;
import io.p2c2r.executors.raytrace.geometry.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Bvh} top-down with a binned surface-area heuristic: at each node the split plane (of
 * {@value #BINS} candidates per axis) minimising {@code area(L)*n(L) + area(R)*n(R)} wins, or the node stays
 * a leaf when no split is cheaper than testing its shapes. Past depth {@value #SAH_DEPTH} it splits at the
 * median instead, so the tree depth stays logarithmic even for adversarial input. Boxes live in flat
 * {@code double} arrays (min x,y,z then max x,y,z) because the build runs once per task, usually before
 * the JIT has compiled it, and must stay fast for tens of thousands of triangles. Single-threaded, one use.
 */
final class BvhBuilder {
    static final int BINS = 16;
    static final int MAX_LEAF = 4;
    static final int SAH_DEPTH = 40;
    private static final double TRAVERSAL_COST = 0.5;

    private final Shape[] shapes;
    private final double[] boxes;
    private final double[] centroids;
    private final int[] order;
    private final double[] binBox = new double[6 * BINS];
    private final int[] binCount = new int[BINS];
    private final double[] leftArea = new double[BINS];
    private final int[] leftCount = new int[BINS];
    private double[] bounds = new double[6 * 64];
    private int[] children = new int[64];
    private int[] starts = new int[64];
    private int[] counts = new int[64];
    private int nodes;
    private int maxDepth;
    private int splitAxis;

    BvhBuilder(List<? extends Shape> shapes) {
        int n = shapes.size();
        this.shapes = shapes.toArray(new Shape[0]);
        boxes = new double[6 * n];
        centroids = new double[3 * n];
        order = new int[n];
        for (int i = 0; i < n; i++) {
            Aabb b = this.shapes[i].bounds();
            for (int a = 0; a < 3; a++) {
                boxes[6 * i + a] = b.min().get(a);
                boxes[6 * i + 3 + a] = b.max().get(a);
                centroids[3 * i + a] = 0.5 * (b.min().get(a) + b.max().get(a));
            }
            order[i] = i;
        }
    }

    Bvh build() {
        if (order.length > 0) {
            build(0, order.length, 1);
        }
        return new Bvh(shapes, Arrays.copyOf(bounds, 6 * nodes), Arrays.copyOf(children, nodes), Arrays.copyOf(starts, nodes),
                Arrays.copyOf(counts, nodes), order, maxDepth);
    }

    private int build(int from, int to, int depth) {
        maxDepth = Math.max(maxDepth, depth);
        int node = newNode();
        double[] cb = emptyBox();
        int o = 6 * node;
        System.arraycopy(emptyBox(), 0, bounds, o, 6);
        for (int i = from; i < to; i++) {
            growBox(bounds, o, boxes, 6 * order[i]);
            growPoint(cb, centroids, 3 * order[i]);
        }
        int count = to - from;
        int axis = longestAxis(cb);
        double extent = cb[3 + axis] - cb[axis];
        if (count <= MAX_LEAF || extent <= 0 && count <= 64) {
            return leaf(node, from, count);
        }
        splitAxis = axis;
        int mid = extent <= 0 ? from + count / 2 : depth > SAH_DEPTH ? median(from, to, axis) : sahSplit(from, to, cb, area(bounds, o));
        if (mid < 0) {
            return leaf(node, from, count);
        }
        int nodeAxis = splitAxis;
        build(from, mid, depth + 1);
        // not children[node] = build(...): Java would store into the array as it was before build grew it
        int right = build(mid, to, depth + 1);
        children[node] = right;
        starts[node] = nodeAxis;
        counts[node] = 0;
        return node;
    }

    /** Partitions [from,to) at the best SAH plane and returns the split index, or -1 if a leaf is cheaper. */
    private int sahSplit(int from, int to, double[] cb, double area) {
        int count = to - from;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestAxis = -1;
        int bestBin = -1;
        for (int axis = 0; axis < 3; axis++) {
            double lo = cb[axis];
            double ext = cb[3 + axis] - lo;
            if (ext <= 0) {
                continue;
            }
            for (int b = 0; b < BINS; b++) {
                System.arraycopy(emptyBox(), 0, binBox, 6 * b, 6);
            }
            Arrays.fill(binCount, 0);
            for (int i = from; i < to; i++) {
                int p = order[i];
                int b = bin(centroids[3 * p + axis], lo, ext);
                binCount[b]++;
                growBox(binBox, 6 * b, boxes, 6 * p);
            }
            double[] acc = emptyBox();
            int c = 0;
            for (int b = 0; b < BINS - 1; b++) {
                growBox(acc, 0, binBox, 6 * b);
                c += binCount[b];
                leftArea[b] = area(acc, 0);
                leftCount[b] = c;
            }
            acc = emptyBox();
            c = 0;
            for (int b = BINS - 1; b > 0; b--) {
                growBox(acc, 0, binBox, 6 * b);
                c += binCount[b];
                double cost = leftArea[b - 1] * leftCount[b - 1] + area(acc, 0) * c;
                if (leftCount[b - 1] > 0 && c > 0 && cost < bestCost) {
                    bestCost = cost;
                    bestAxis = axis;
                    bestBin = b;
                }
            }
        }
        if (bestAxis < 0) {
            return median(from, to, 0);
        }
        splitAxis = bestAxis;
        boolean leafCheaper = area > 0 && TRAVERSAL_COST + bestCost / area >= count;
        if (leafCheaper && count <= MAX_LEAF * 4) {
            return -1;
        }
        double lo = cb[bestAxis];
        double ext = cb[3 + bestAxis] - lo;
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (bin(centroids[3 * order[i] + bestAxis], lo, ext) < bestBin) {
                i++;
            } else {
                int t = order[i];
                order[i] = order[j];
                order[j--] = t;
            }
        }
        return i;
    }

    private int median(int from, int to, int axis) {
        Integer[] slice = new Integer[to - from];
        for (int i = from; i < to; i++) {
            slice[i - from] = order[i];
        }
        Arrays.sort(slice, (p, q) -> {
            int c = Double.compare(centroids[3 * p + axis], centroids[3 * q + axis]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        for (int i = from; i < to; i++) {
            order[i] = slice[i - from];
        }
        return from + (to - from) / 2;
    }

    private static int bin(double value, double lo, double ext) {
        int b = (int) (BINS * (value - lo) / ext);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    private static double[] emptyBox() {
        double inf = Double.POSITIVE_INFINITY;
        return new double[] {inf, inf, inf, -inf, -inf, -inf};
    }

    /** Grows box {@code dst[d..d+6)} to contain box {@code src[s..s+6)}. */
    private static void growBox(double[] dst, int d, double[] src, int s) {
        for (int a = 0; a < 3; a++) {
            dst[d + a] = Math.min(dst[d + a], src[s + a]);
            dst[d + 3 + a] = Math.max(dst[d + 3 + a], src[s + 3 + a]);
        }
    }

    private static void growPoint(double[] box, double[] pts, int p) {
        for (int a = 0; a < 3; a++) {
            box[a] = Math.min(box[a], pts[p + a]);
            box[3 + a] = Math.max(box[3 + a], pts[p + a]);
        }
    }

    /** Surface area of box {@code b[o..o+6)}; 0 for an empty box. */
    private static double area(double[] b, int o) {
        double dx = b[o + 3] - b[o];
        double dy = b[o + 4] - b[o + 1];
        double dz = b[o + 5] - b[o + 2];
        if (dx < 0 || dy < 0 || dz < 0) {
            return 0;
        }
        return 2 * (dx * dy + dy * dz + dz * dx);
    }

    private static int longestAxis(double[] b) {
        double dx = b[3] - b[0];
        double dy = b[4] - b[1];
        double dz = b[5] - b[2];
        return dx >= dy && dx >= dz ? 0 : dy >= dz ? 1 : 2;
    }

    private int leaf(int node, int from, int count) {
        starts[node] = from;
        counts[node] = count;
        return node;
    }

    private int newNode() {
        if (nodes == children.length) {
            int cap = nodes * 2;
            bounds = Arrays.copyOf(bounds, 6 * cap);
            children = Arrays.copyOf(children, cap);
            starts = Arrays.copyOf(starts, cap);
            counts = Arrays.copyOf(counts, cap);
        }
        return nodes++;
    }
}
