package io.p2c2r.executors.physics.fluid;

import io.p2c2r.executors.ExecutionContext;

/**
 * Implicit diffusion {@code (1 + a n) x - a sum(neighbours) = x0} by Jacobi iterations, where {@code n}
 * counts only neighbours inside the field and not blocked: blocked and outside neighbours act as insulated
 * walls, so the total is conserved as the iteration converges. Jacobi (not Gauss-Seidel) so that each
 * sweep is order-free and parallel over z-slabs. Stateless.
 */
final class Diffusion {
    private Diffusion() {}

    /** Diffuses {@code f} ({@code sx x sy x sz}, x fastest) in place; {@code blocked} may be null. */
    static void diffuse(double[] f, int sx, int sy, int sz, boolean[] blocked, double a, int iterations,
                        ExecutionContext ctx) {
        if (a <= 0) {
            return;
        }
        double[] x0 = f.clone();
        double[] cur = f.clone();
        double[] next = new double[f.length];
        int[] count = neighbourCounts(sx, sy, sz, blocked);
        for (int it = 0; it < iterations; it++) {
            double[] src = cur;
            double[] dst = next;
            ctx.parallelFor(sz, k -> {
                for (int j = 0; j < sy; j++) {
                    for (int i = 0; i < sx; i++) {
                        int c = i + sx * (j + sy * k);
                        if (blocked != null && blocked[c]) {
                            dst[c] = src[c];
                            continue;
                        }
                        double s = (nb(src, blocked, sx, sy, sz, i - 1, j, k) + nb(src, blocked, sx, sy, sz, i + 1, j, k))
                                + (nb(src, blocked, sx, sy, sz, i, j - 1, k) + nb(src, blocked, sx, sy, sz, i, j + 1, k))
                                + (nb(src, blocked, sx, sy, sz, i, j, k - 1) + nb(src, blocked, sx, sy, sz, i, j, k + 1));
                        dst[c] = (x0[c] + a * s) / (1 + a * count[c]);
                    }
                }
            });
            next = cur;
            cur = dst;
        }
        System.arraycopy(cur, 0, f, 0, f.length);
    }

    private static double nb(double[] f, boolean[] blocked, int sx, int sy, int sz, int i, int j, int k) {
        if (i < 0 || j < 0 || k < 0 || i >= sx || j >= sy || k >= sz) {
            return 0;
        }
        int c = i + sx * (j + sy * k);
        return blocked != null && blocked[c] ? 0 : f[c];
    }

    /** How many open neighbours each sample has; computed once per diffusion, not per sweep. */
    private static int[] neighbourCounts(int sx, int sy, int sz, boolean[] blocked) {
        int[] count = new int[sx * sy * sz];
        int[][] offsets = {{-1, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 1, 0}, {0, 0, -1}, {0, 0, 1}};
        for (int k = 0; k < sz; k++) {
            for (int j = 0; j < sy; j++) {
                for (int i = 0; i < sx; i++) {
                    for (int[] o : offsets) {
                        int a = i + o[0];
                        int b = j + o[1];
                        int c = k + o[2];
                        if (a >= 0 && b >= 0 && c >= 0 && a < sx && b < sy && c < sz
                                && (blocked == null || !blocked[a + sx * (b + sy * c)])) {
                            count[i + sx * (j + sy * k)]++;
                        }
                    }
                }
            }
        }
        return count;
    }
}
