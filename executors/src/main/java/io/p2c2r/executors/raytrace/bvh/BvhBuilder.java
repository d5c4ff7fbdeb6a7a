package io.p2c2r.executors.raytrace.bvh;

import io.p2c2r.executors.raytrace.geometry.Aabb;
import io.p2c2r.executors.raytrace.geometry.Shape;
import io.p2c2r.executors.raytrace.math.Vec3;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Bvh} top-down with a binned surface-area heuristic: at each node the split plane (of
 * {@value #BINS} candidates per axis) minimising {@code area(L)*n(L) + area(R)*n(R)} wins, or the node stays
 * a leaf when no split is cheaper than testing its shapes. Past depth {@value #SAH_DEPTH} it splits at the
 * median instead, so the tree depth stays logarithmic even for adversarial input. Single-threaded, one use.
 */
final class BvhBuilder {
    static final int BINS = 16;
    static final int MAX_LEAF = 4;
    static final int SAH_DEPTH = 40;
    private static final double TRAVERSAL_COST = 0.5;

    private final Shape[] shapes;
    private final Aabb[] boxes;
    private final Vec3[] centroids;
    private final int[] order;
    private double[] bounds = new double[6 * 64];
    private int[] children = new int[64];
    private int[] starts = new int[64];
    private int[] counts = new int[64];
    private int nodes;
    private int maxDepth;
    private int splitAxis;

    BvhBuilder(List<? extends Shape> shapes) {
        int n = shapes.size();
        boxes = new Aabb[n];
        centroids = new Vec3[n];
        order = new int[n];
        this.shapes = shapes.toArray(new Shape[0]);
        for (int i = 0; i < n; i++) {
            boxes[i] = shapes.get(i).bounds();
            centroids[i] = boxes[i].centroid();
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
        Aabb box = Aabb.EMPTY;
        Aabb centroidBox = Aabb.EMPTY;
        for (int i = from; i < to; i++) {
            box = box.union(boxes[order[i]]);
            centroidBox = centroidBox.include(centroids[order[i]]);
        }
        setBounds(node, box);
        int count = to - from;
        int axis = longestAxis(centroidBox);
        double extent = centroidBox.max().get(axis) - centroidBox.min().get(axis);
        if (count <= MAX_LEAF || extent <= 0 && count <= 64) {
            return leaf(node, from, count);
        }
        splitAxis = axis;
        int mid = extent <= 0 ? from + count / 2 : depth > SAH_DEPTH ? median(from, to, axis) : sahSplit(from, to, box);
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
    private int sahSplit(int from, int to, Aabb box) {
        int count = to - from;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestAxis = -1;
        int bestBin = -1;
        Aabb centroidBox = Aabb.EMPTY;
        for (int i = from; i < to; i++) {
            centroidBox = centroidBox.include(centroids[order[i]]);
        }
        for (int axis = 0; axis < 3; axis++) {
            double lo = centroidBox.min().get(axis);
            double ext = centroidBox.max().get(axis) - lo;
            if (ext <= 0) {
                continue;
            }
            Aabb[] binBox = new Aabb[BINS];
            int[] binCount = new int[BINS];
            Arrays.fill(binBox, Aabb.EMPTY);
            for (int i = from; i < to; i++) {
                int b = bin(centroids[order[i]].get(axis), lo, ext);
                binCount[b]++;
                binBox[b] = binBox[b].union(boxes[order[i]]);
            }
            double[] leftArea = new double[BINS];
            int[] leftCount = new int[BINS];
            Aabb acc = Aabb.EMPTY;
            int c = 0;
            for (int b = 0; b < BINS - 1; b++) {
                acc = acc.union(binBox[b]);
                c += binCount[b];
                leftArea[b] = acc.surfaceArea();
                leftCount[b] = c;
            }
            acc = Aabb.EMPTY;
            c = 0;
            for (int b = BINS - 1; b > 0; b--) {
                acc = acc.union(binBox[b]);
                c += binCount[b];
                double cost = leftArea[b - 1] * leftCount[b - 1] + acc.surfaceArea() * c;
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
        double area = box.surfaceArea();
        boolean leafCheaper = area > 0 && TRAVERSAL_COST + bestCost / area >= count;
        if (leafCheaper && count <= MAX_LEAF * 4) {
            return -1;
        }
        double lo = centroidBox.min().get(bestAxis);
        double ext = centroidBox.max().get(bestAxis) - lo;
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (bin(centroids[order[i]].get(bestAxis), lo, ext) < bestBin) {
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
            int c = Double.compare(centroids[p].get(axis), centroids[q].get(axis));
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

    private static int longestAxis(Aabb box) {
        Vec3 d = box.max().minus(box.min());
        return d.x() >= d.y() && d.x() >= d.z() ? 0 : d.y() >= d.z() ? 1 : 2;
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

    private void setBounds(int node, Aabb box) {
        int o = 6 * node;
        bounds[o] = box.min().x();
        bounds[o + 1] = box.min().y();
        bounds[o + 2] = box.min().z();
        bounds[o + 3] = box.max().x();
        bounds[o + 4] = box.max().y();
        bounds[o + 5] = box.max().z();
    }
}
