package io.p2c2r.executors.ai.pathfinding;

import java.util.Arrays;

/**
 * A binary min-heap of cell indices keyed by f, ties broken toward the larger g (the node nearer the
 * goal), which keeps A* on open ground to a thin band. Stale entries are left in and skipped by the
 * caller (lazy deletion), which is cheaper than decrease-key. Owned by one search: not thread-safe.
 */
final class OpenList {
    private int[] node = new int[1024];
    private double[] f = new double[1024];
    private double[] g = new double[1024];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(int n, double fn, double gn) {
        if (size == node.length) {
            int cap = size * 2;
            node = Arrays.copyOf(node, cap);
            f = Arrays.copyOf(f, cap);
            g = Arrays.copyOf(g, cap);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(fn, gn, f[parent], g[parent])) {
                break;
            }
            node[i] = node[parent];
            f[i] = f[parent];
            g[i] = g[parent];
            i = parent;
        }
        node[i] = n;
        f[i] = fn;
        g[i] = gn;
    }

    /** Removes and returns the cell with the smallest key. */
    int pop() {
        int top = node[0];
        int last = --size;
        int n = node[last];
        double fn = f[last];
        double gn = g[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(f[child + 1], g[child + 1], f[child], g[child])) {
                child++;
            }
            if (!before(f[child], g[child], fn, gn)) {
                break;
            }
            node[i] = node[child];
            f[i] = f[child];
            g[i] = g[child];
            i = child;
        }
        node[i] = n;
        f[i] = fn;
        g[i] = gn;
        return top;
    }

    private static boolean before(double fa, double ga, double fb, double gb) {
        return fa < fb || (fa == fb && ga > gb);
    }
}
