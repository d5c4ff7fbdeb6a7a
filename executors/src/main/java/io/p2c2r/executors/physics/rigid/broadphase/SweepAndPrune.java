package io.p2c2r.executors.physics.rigid.broadphase;

import java.util.Arrays;

/**
 * Sweep-and-prune broad phase on the x axis. Keeps the sorted order between steps, so the insertion sort
 * is nearly linear for coherent motion. Returns pairs sorted by (lower index, higher index), so the solver
 * sees them in an order that depends only on the bodies, not on the sweep. Mutable; one per world.
 */
public final class SweepAndPrune {
    private final int[] order;
    private final int maxPairs;

    /** @param maxPairs the most pairs {@link #pairs} collects before it gives up */
    public SweepAndPrune(int count, int maxPairs) {
        this.maxPairs = maxPairs;
        order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
    }

    /**
     * Overlapping pairs of the boxes {@code [min, max]} (arrays of {@code 3 * count}: x, y, z per body),
     * encoded as {@code i * count + j} with {@code i < j}, ascending; or null when more than {@code maxPairs}
     * overlap, found before the list grows past that (bodies piled at one point would otherwise make n²/2).
     */
    public long[] pairs(double[] min, double[] max, boolean[] isStatic) {
        int n = order.length;
        for (int i = 1; i < n; i++) {
            int id = order[i];
            int k = i - 1;
            while (k >= 0 && before(id, order[k], min)) {
                order[k + 1] = order[k];
                k--;
            }
            order[k + 1] = id;
        }
        long[] out = new long[Math.max(16, n)];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int a = order[i];
            for (int k = i + 1; k < n; k++) {
                int b = order[k];
                if (min[3 * b] > max[3 * a]) {
                    break;
                }
                if ((isStatic[a] && isStatic[b]) || min[3 * b + 1] > max[3 * a + 1] || min[3 * a + 1] > max[3 * b + 1]
                        || min[3 * b + 2] > max[3 * a + 2] || min[3 * a + 2] > max[3 * b + 2]) {
                    continue;
                }
                if (count == maxPairs) {
                    return null;
                }
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = (long) Math.min(a, b) * n + Math.max(a, b);
            }
        }
        long[] pairs = Arrays.copyOf(out, count);
        Arrays.sort(pairs);
        return pairs;
    }

    private static boolean before(int a, int b, double[] min) {
        double ma = min[3 * a];
        double mb = min[3 * b];
        return ma < mb || (ma == mb && a < b);
    }
}
