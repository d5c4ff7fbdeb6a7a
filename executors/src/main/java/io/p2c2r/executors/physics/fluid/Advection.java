package io.p2c2r.executors.physics.fluid;

import io.p2c2r.executors.ExecutionContext;

/**
 * Semi-Lagrangian advection (Stam 1999) on the staggered grid: each sample is traced back through the
 * velocity field with a midpoint (RK2) step and takes the interpolated old value found there. Unconditionally
 * stable. Parallel over z-slabs, each writing only its own slab of a fresh array. Stateless.
 */
final class Advection {
    private Advection() {}

    /** Velocity at a point given in cell units (cell (i, j, k) spans [i, i + 1] on x). */
    private static double[] velocity(FluidGrid g, double x, double y, double z) {
        return new double[] {
            Sampler.sample(g.u, g.nx + 1, g.ny, g.nz, x, y - 0.5, z - 0.5),
            Sampler.sample(g.v, g.nx, g.ny + 1, g.nz, x - 0.5, y, z - 0.5),
            Sampler.sample(g.w, g.nx, g.ny, g.nz + 1, x - 0.5, y - 0.5, z)};
    }

    /** Where the fluid at (x, y, z) was {@code dt} ago. */
    private static double[] traceBack(FluidGrid g, double x, double y, double z, double dt) {
        double[] v1 = velocity(g, x, y, z);
        double[] v2 = velocity(g, x - v1[0] * dt / 2, y - v1[1] * dt / 2, z - v1[2] * dt / 2);
        return new double[] {x - v2[0] * dt, y - v2[1] * dt, z - v2[2] * dt};
    }

    /** Advects the three velocity components by themselves; returns new arrays. */
    static double[][] velocities(FluidGrid g, double dt, ExecutionContext ctx) {
        double[] nu = new double[g.u.length];
        double[] nv = new double[g.v.length];
        double[] nw = new double[g.w.length];
        ctx.parallelFor(g.nz + 1, k -> {
            for (int j = 0; j <= g.ny; j++) {
                for (int i = 0; i <= g.nx; i++) {
                    if (k < g.nz && j < g.ny) {
                        double[] p = traceBack(g, i, j + 0.5, k + 0.5, dt);
                        nu[g.uFace(i, j, k)] = Sampler.sample(g.u, g.nx + 1, g.ny, g.nz, p[0], p[1] - 0.5, p[2] - 0.5);
                    }
                    if (k < g.nz && i < g.nx) {
                        double[] p = traceBack(g, i + 0.5, j, k + 0.5, dt);
                        nv[g.vFace(i, j, k)] = Sampler.sample(g.v, g.nx, g.ny + 1, g.nz, p[0] - 0.5, p[1], p[2] - 0.5);
                    }
                    if (i < g.nx && j < g.ny) {
                        double[] p = traceBack(g, i + 0.5, j + 0.5, k, dt);
                        nw[g.wFace(i, j, k)] = Sampler.sample(g.w, g.nx, g.ny, g.nz + 1, p[0] - 0.5, p[1] - 0.5, p[2]);
                    }
                }
            }
        });
        return new double[][] {nu, nv, nw};
    }

    /** Advects the density through the current velocity; solid cells stay empty. */
    static double[] density(FluidGrid g, double dt, ExecutionContext ctx) {
        double[] out = new double[g.density.length];
        ctx.parallelFor(g.nz, k -> {
            for (int j = 0; j < g.ny; j++) {
                for (int i = 0; i < g.nx; i++) {
                    int c = g.cell(i, j, k);
                    if (!g.solid[c]) {
                        double[] p = traceBack(g, i + 0.5, j + 0.5, k + 0.5, dt);
                        out[c] = Sampler.sample(g.density, g.nx, g.ny, g.nz, p[0] - 0.5, p[1] - 0.5, p[2] - 0.5);
                    }
                }
            }
        });
        return out;
    }
}
