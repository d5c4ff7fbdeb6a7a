package io.p2c2r.executors.physics.fluid;

import io.p2c2r.executors.ExecutionContext;

/**
 * Pressure projection: solves the 7-point Poisson system {@code L p = -div u} over fluid cells with
 * Jacobi-preconditioned conjugate gradients (a fixed number of iterations), then subtracts the pressure
 * gradient from every open face. On the staggered grid {@code div(grad p)} is exactly {@code L}, so the
 * remaining divergence is the solver's residual. Dot products are summed per z-slab, then slab by slab in
 * order, so the result does not depend on the thread count. Stateless.
 */
final class PressureSolver {
    private PressureSolver() {}

    /**
     * Makes the velocity (nearly) divergence-free with at most {@code iterations} CG iterations; returns how many
     * ran (fewer once the residual is exactly zero).
     */
    static int project(FluidGrid g, int iterations, ExecutionContext ctx) {
        int n = g.density.length;
        double[] b = new double[n];
        double[] diag = new double[n];
        ctx.parallelFor(g.nz, k -> {
            for (int j = 0; j < g.ny; j++) {
                for (int i = 0; i < g.nx; i++) {
                    int c = g.cell(i, j, k);
                    if (!g.solid[c]) {
                        b[c] = -g.divergence(i, j, k);
                        diag[c] = Math.max(1, neighbours(g, i, j, k));
                    }
                }
            }
        });
        double[] p = new double[n];
        int done = solve(g, b, diag, iterations, p, ctx);
        ctx.parallelFor(g.nz, k -> {
            for (int j = 0; j < g.ny; j++) {
                for (int i = 0; i < g.nx; i++) {
                    if (g.fluid(i, j, k)) {
                        double here = p[g.cell(i, j, k)];
                        if (g.fluid(i - 1, j, k)) {
                            g.u[g.uFace(i, j, k)] -= here - p[g.cell(i - 1, j, k)];
                        }
                        if (g.fluid(i, j - 1, k)) {
                            g.v[g.vFace(i, j, k)] -= here - p[g.cell(i, j - 1, k)];
                        }
                        if (g.fluid(i, j, k - 1)) {
                            g.w[g.wFace(i, j, k)] -= here - p[g.cell(i, j, k - 1)];
                        }
                    }
                }
            }
        });
        return done;
    }

    private static int neighbours(FluidGrid g, int i, int j, int k) {
        int n = 0;
        n += g.fluid(i - 1, j, k) ? 1 : 0;
        n += g.fluid(i + 1, j, k) ? 1 : 0;
        n += g.fluid(i, j - 1, k) ? 1 : 0;
        n += g.fluid(i, j + 1, k) ? 1 : 0;
        n += g.fluid(i, j, k - 1) ? 1 : 0;
        n += g.fluid(i, j, k + 1) ? 1 : 0;
        return n;
    }

    /** Solves into {@code x} (all zeros on entry); returns the iterations run. */
    private static int solve(FluidGrid g, double[] b, double[] diag, int iterations, double[] x, ExecutionContext ctx) {
        int n = b.length;
        int done = 0;
        double[] r = b.clone();
        double[] z = new double[n];
        double[] ap = new double[n];
        for (int c = 0; c < n; c++) {
            z[c] = diag[c] == 0 ? 0 : r[c] / diag[c];
        }
        double[] p = z.clone();
        double rz = dot(g, r, z, ctx);
        for (int it = 0; it < iterations && rz > 0; it++) {
            ctx.checkCancelled();
            done++;
            apply(g, p, diag, ap, ctx);
            double pap = dot(g, p, ap, ctx);
            if (!(pap > 0)) {
                break;
            }
            double alpha = rz / pap;
            for (int c = 0; c < n; c++) {
                x[c] += alpha * p[c];
                r[c] -= alpha * ap[c];
                z[c] = diag[c] == 0 ? 0 : r[c] / diag[c];
            }
            double next = dot(g, r, z, ctx);
            double beta = next / rz;
            rz = next;
            for (int c = 0; c < n; c++) {
                p[c] = z[c] + beta * p[c];
            }
        }
        return done;
    }

    /** {@code out = L p}: neighbour count times the cell's value minus its fluid neighbours' values. */
    private static void apply(FluidGrid g, double[] p, double[] diag, double[] out, ExecutionContext ctx) {
        ctx.parallelFor(g.nz, k -> {
            for (int j = 0; j < g.ny; j++) {
                for (int i = 0; i < g.nx; i++) {
                    int c = g.cell(i, j, k);
                    if (diag[c] == 0) {
                        continue;
                    }
                    double s = (value(g, p, i - 1, j, k) + value(g, p, i + 1, j, k))
                            + (value(g, p, i, j - 1, k) + value(g, p, i, j + 1, k))
                            + (value(g, p, i, j, k - 1) + value(g, p, i, j, k + 1));
                    out[c] = neighbours(g, i, j, k) * p[c] - s;
                }
            }
        });
    }

    private static double value(FluidGrid g, double[] p, int i, int j, int k) {
        return g.fluid(i, j, k) ? p[g.cell(i, j, k)] : 0;
    }

    private static double dot(FluidGrid g, double[] a, double[] b, ExecutionContext ctx) {
        double[] partial = new double[g.nz];
        int slab = g.nx * g.ny;
        ctx.parallelFor(g.nz, k -> {
            double s = 0;
            for (int c = k * slab; c < (k + 1) * slab; c++) {
                s += a[c] * b[c];
            }
            partial[k] = s;
        });
        double s = 0;
        for (double v : partial) {
            s += v;
        }
        return s;
    }
}
