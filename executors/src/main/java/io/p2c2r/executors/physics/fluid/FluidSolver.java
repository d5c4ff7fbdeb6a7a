package io.p2c2r.executors.physics.fluid;

import io.p2c2r.executors.ExecutionContext;
import java.util.List;

/**
 * Stable fluids (Stam 1999) in 3D on a staggered grid. One step: apply sources, advect velocity, diffuse
 * it (viscosity), project, advect density through the projected velocity, diffuse density. Records the
 * divergence before and after the last projection. Mutable; step from one thread at a time.
 */
public final class FluidSolver {
    private final FluidGrid grid;
    private final List<Source> sources;
    private final double dt;
    private final double viscosity;
    private final double diffusion;
    private final int iterations;
    private int step;
    private long pressureIterations;
    private long diffusionSweeps;
    private Divergence before = new Divergence(0, 0);
    private Divergence after = new Divergence(0, 0);

    /** @param iterations conjugate-gradient iterations per projection, and Jacobi sweeps per diffusion */
    public FluidSolver(FluidGrid grid, List<Source> sources, double dt, double viscosity, double diffusion, int iterations) {
        this.grid = grid;
        this.sources = List.copyOf(sources);
        this.dt = dt;
        this.viscosity = viscosity;
        this.diffusion = diffusion;
        this.iterations = iterations;
    }

    public FluidGrid grid() {
        return grid;
    }

    /** Conjugate-gradient iterations run so far, over all steps. */
    public long pressureIterations() {
        return pressureIterations;
    }

    /** Jacobi sweeps run so far by the velocity and density diffusion, over all steps. */
    public long diffusionSweeps() {
        return diffusionSweeps;
    }

    public Divergence divergenceBefore() {
        return before;
    }

    public Divergence divergenceAfter() {
        return after;
    }

    public void step(ExecutionContext ctx) {
        FluidGrid g = grid;
        applySources();
        g.closeFaces();
        double[][] vel = Advection.velocities(g, dt, ctx);
        System.arraycopy(vel[0], 0, g.u, 0, g.u.length);
        System.arraycopy(vel[1], 0, g.v, 0, g.v.length);
        System.arraycopy(vel[2], 0, g.w, 0, g.w.length);
        if (viscosity > 0) {
            double a = viscosity * dt;
            Diffusion.diffuse(g.u, g.nx + 1, g.ny, g.nz, null, a, iterations, ctx);
            Diffusion.diffuse(g.v, g.nx, g.ny + 1, g.nz, null, a, iterations, ctx);
            Diffusion.diffuse(g.w, g.nx, g.ny, g.nz + 1, null, a, iterations, ctx);
            diffusionSweeps += 3L * iterations;
        }
        g.closeFaces();
        before = Divergence.of(g);
        pressureIterations += PressureSolver.project(g, iterations, ctx);
        after = Divergence.of(g);
        double[] d = Advection.density(g, dt, ctx);
        System.arraycopy(d, 0, g.density, 0, d.length);
        Diffusion.diffuse(g.density, g.nx, g.ny, g.nz, g.solid, diffusion * dt, iterations, ctx);
        if (diffusion * dt > 0) {
            diffusionSweeps += iterations;
        }
        step++;
    }

    private void applySources() {
        for (Source s : sources) {
            if (step >= s.untilStep()) {
                continue;
            }
            int r = (int) Math.ceil(s.radius());
            for (int k = Math.max(0, (int) s.z() - r - 1); k < Math.min(grid.nz, (int) s.z() + r + 2); k++) {
                for (int j = Math.max(0, (int) s.y() - r - 1); j < Math.min(grid.ny, (int) s.y() + r + 2); j++) {
                    for (int i = Math.max(0, (int) s.x() - r - 1); i < Math.min(grid.nx, (int) s.x() + r + 2); i++) {
                        double dx = i + 0.5 - s.x();
                        double dy = j + 0.5 - s.y();
                        double dz = k + 0.5 - s.z();
                        if (dx * dx + dy * dy + dz * dz <= s.radius() * s.radius()) {
                            grid.addDensity(i, j, k, s.density() * dt);
                            grid.setCellVelocity(i, j, k, s.vx(), s.vy(), s.vz());
                        }
                    }
                }
            }
        }
    }

    /** The largest cell-centre speed. */
    public double maxSpeed() {
        double max = 0;
        for (int k = 0; k < grid.nz; k++) {
            for (int j = 0; j < grid.ny; j++) {
                for (int i = 0; i < grid.nx; i++) {
                    double[] v = grid.cellVelocity(i, j, k);
                    max = Math.max(max, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
                }
            }
        }
        return max;
    }
}
