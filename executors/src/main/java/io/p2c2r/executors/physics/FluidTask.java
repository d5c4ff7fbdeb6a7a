package io.p2c2r.executors.physics;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.physics.fluid.FluidGrid;
import io.p2c2r.executors.physics.fluid.Source;
import java.util.ArrayList;
import java.util.List;

/** The validated input of a {@code physics_fluid} task, with its documented limits. Immutable. */
record FluidTask(int[] size, int iterations, int steps, double dt, double viscosity, double diffusion,
                 List<Source> sources, List<Params> obstacles, boolean includeDensity, int sliceAxis, int sliceIndex) {
    static final int MAX_AXIS = 128;
    static final int MAX_CELLS = 262_144; // 64^3: about 25 MB of working arrays
    static final int MAX_STEPS = 1000;
    static final long MAX_WORK = 2_000_000_000L; // cells x steps x (iterations x passes + 10)
    /**
     * Work units per cell: for each conjugate-gradient iteration (a 7-point product, two dot products, three vector
     * updates), for each Jacobi diffusion sweep, and for each step besides the solvers (sources, advection of the
     * velocity and the density, divergence, closing faces). Measured against each other on one thread.
     */
    static final long PRESSURE_ITERATION_UNITS = 4;
    static final long SWEEP_UNITS = 1;
    static final long STEP_UNITS = 92;

    /** The {@code work_units} of a run, in cell-sweeps (a Jacobi sweep of one cell). */
    static long workUnits(long cells, long steps, long pressureIterations, long diffusionSweeps) {
        return cells * (STEP_UNITS * steps + PRESSURE_ITERATION_UNITS * pressureIterations + SWEEP_UNITS * diffusionSweeps);
    }

    static FluidTask parse(Params p) {
        p.allowOnly("grid_size", "iterations", "steps", "dt", "viscosity", "diffusion", "sources", "obstacles",
                "include_density", "slice_axis", "slice_index");
        int[] size = p.optIntArray("grid_size", 3, 3, 4, MAX_AXIS).orElse(new int[] {32, 32, 32});
        long cells = (long) size[0] * size[1] * size[2];
        if (cells > MAX_CELLS) {
            throw new InvalidTaskException(p.field("grid_size") + " has " + cells + " cells; the limit is " + MAX_CELLS);
        }
        int iterations = p.intValue("iterations", 20, 1, 500);
        int steps = p.intValue("steps", 20, 1, MAX_STEPS);
        double viscosity = p.doubleValue("viscosity", 0, 0, 10);
        double diffusion = p.doubleValue("diffusion", 0, 0, 10);
        int passes = 1 + diffusionPasses(viscosity, diffusion);
        long work = cells * steps * ((long) iterations * passes + 10);
        if (work > MAX_WORK) {
            throw new InvalidTaskException(p.path() + ": cells x steps x (iterations x " + passes + " + 10) = " + work
                    + " exceeds the limit " + MAX_WORK);
        }
        int axis = "xyz".indexOf(p.oneOf("slice_axis", "z", "x", "y", "z"));
        int index = p.intValue("slice_index", size[axis] / 2, 0, size[axis] - 1);
        List<Params> obstacles = p.objects("obstacles", 32);
        FluidTask task = new FluidTask(size, iterations, steps, p.doubleValue("dt", 0.1, 1e-3, 1), viscosity, diffusion,
                sources(p, size, steps), obstacles, p.bool("include_density", false), axis, index);
        task.validateObstacles();
        return task;
    }

    /** Jacobi diffusions per step: three velocity components with viscosity, the density with diffusion. */
    private static int diffusionPasses(double viscosity, double diffusion) {
        return (viscosity > 0 ? 3 : 0) + (diffusion > 0 ? 1 : 0);
    }

    long cells() {
        return (long) size[0] * size[1] * size[2];
    }

    /** The most {@code work_units} a run can count: every pressure solve runs all its iterations. */
    long maxWorkUnits() {
        long perStep = iterations;
        return workUnits(cells(), steps, perStep * steps, perStep * diffusionPasses(viscosity, diffusion) * steps);
    }

    private static List<Source> sources(Params p, int[] size, int steps) {
        if (!p.has("sources")) {
            // A plume rising from near the floor in the middle of the box.
            return List.of(new Source(size[0] / 2.0, 1.5 + size[1] / 16.0, size[2] / 2.0,
                    Math.max(1.5, size[0] / 12.0), 100, 0, 8, 0, steps));
        }
        List<Source> out = new ArrayList<>();
        for (Params s : p.objects("sources", 16)) {
            s.allowOnly("position", "radius", "density", "velocity", "until_step");
            double[] pos = s.doubleArray("position", 3, 3, 0, MAX_AXIS);
            double[] vel = s.optDoubleArray("velocity", 3, 3, -1000, 1000).orElse(new double[3]);
            out.add(new Source(pos[0], pos[1], pos[2], s.doubleValue("radius", 2, 0.5, 64),
                    s.doubleValue("density", 100, 0, 1e6), vel[0], vel[1], vel[2], s.intValue("until_step", steps, 0, MAX_STEPS)));
        }
        return out;
    }

    private void validateObstacles() {
        applyObstacles(new FluidGrid(4, 4, 4), true);
    }

    /** Marks every cell whose centre is inside an obstacle solid; with {@code dryRun} only validates. */
    void applyObstacles(FluidGrid g, boolean dryRun) {
        for (Params o : obstacles) {
            o.allowOnly("shape", "center", "radius", "min", "max");
            String shape = o.oneOf("shape", "sphere", "sphere", "box");
            double[] lo;
            double[] hi;
            double[] c = null;
            double r = 0;
            if (shape.equals("sphere")) {
                c = o.doubleArray("center", 3, 3, -MAX_AXIS, 2 * MAX_AXIS);
                r = o.requireDouble("radius", 0, MAX_AXIS);
                lo = new double[] {c[0] - r, c[1] - r, c[2] - r};
                hi = new double[] {c[0] + r, c[1] + r, c[2] + r};
            } else {
                lo = o.doubleArray("min", 3, 3, -MAX_AXIS, 2 * MAX_AXIS);
                hi = o.doubleArray("max", 3, 3, -MAX_AXIS, 2 * MAX_AXIS);
            }
            if (dryRun) {
                continue;
            }
            for (int k = 0; k < g.nz(); k++) {
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        double x = i + 0.5;
                        double y = j + 0.5;
                        double z = k + 0.5;
                        boolean inside = c != null
                                ? (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) + (z - c[2]) * (z - c[2]) <= r * r
                                : x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1] && z >= lo[2] && z <= hi[2];
                        if (inside) {
                            g.setSolid(i, j, k);
                        }
                    }
                }
            }
        }
    }
}
