package io.p2c2r.executors.physics;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import io.p2c2r.executors.image.Png;
import io.p2c2r.executors.physics.fluid.Divergence;
import io.p2c2r.executors.physics.fluid.FluidGrid;
import io.p2c2r.executors.physics.fluid.FluidSolver;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code physics_fluid}: 3D stable fluids in a closed box with sources and obstacles. Stateless. */
public final class FluidExecutor implements TaskExecutor {
    /** Priced on one thread of the reference machine: {@code peer.jar bench --calibrate}, docs/TASKS.md "Work and price". */
    private static final WorkModel WORK_MODEL = new WorkModel("cell-sweeps (per cell: " + FluidTask.SWEEP_UNITS
            + " per diffusion sweep, " + FluidTask.PRESSURE_ITERATION_UNITS + " per pressure iteration, "
            + FluidTask.STEP_UNITS + " per step for sources, advection and divergence)", 3_890, 0);

    @Override
    public TaskType type() {
        return TaskType.PHYSICS_FLUID;
    }

    @Override
    public String version() {
        return "2.0.0"; // 1.1.0: slice PNGs from the shared deterministic encoder; 2.0.0: work_units
    }

    @Override
    public void validate(Params data) {
        FluidTask.parse(data);
    }

    @Override
    public long maxWorkUnits(Params data) {
        return FluidTask.parse(data).maxWorkUnits();
    }

    @Override
    public WorkModel workModel() {
        return WORK_MODEL;
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        FluidTask t = FluidTask.parse(data);
        FluidGrid grid = new FluidGrid(t.size()[0], t.size()[1], t.size()[2]);
        t.applyObstacles(grid, false);
        FluidSolver solver = new FluidSolver(grid, t.sources(), t.dt(), t.viscosity(), t.diffusion(), t.iterations());
        for (int s = 0; s < t.steps(); s++) {
            ctx.checkCancelled();
            solver.step(ctx);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("grid_size", t.size().clone());
        out.put("steps", t.steps());
        out.put("time", t.steps() * t.dt());
        // Sums and maxima over every cell: finite totals mean finite fields.
        out.put("total_density", Finite.check("total_density", grid.totalDensity()));
        out.put("max_speed", Finite.check("max_speed", solver.maxSpeed()));
        out.put("divergence_before_projection", divergence(solver.divergenceBefore()));
        out.put("divergence_after_projection", divergence(solver.divergenceAfter()));
        out.put("density_slice", slice(grid, t.sliceAxis(), t.sliceIndex()));
        if (t.includeDensity()) {
            out.put("density", field(grid));
        }
        out.put(WORK_UNITS, FluidTask.workUnits(t.cells(), t.steps(), solver.pressureIterations(), solver.diffusionSweeps()));
        return out;
    }

    private static Map<String, Object> divergence(Divergence d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rms", d.rms());
        m.put("max", d.maxAbs());
        return m;
    }

    /** A greyscale PNG of one slice, scaled so the slice's densest cell is white; +y points up in the image. */
    private static Map<String, Object> slice(FluidGrid g, int axis, int index) {
        int[] n = {g.nx(), g.ny(), g.nz()};
        int wAxis = axis == 0 ? 2 : 0;
        int hAxis = axis == 1 ? 2 : 1;
        int width = n[wAxis];
        int height = n[hAxis];
        double[] values = new double[width * height];
        double max = 0;
        int[] at = new int[3];
        at[axis] = index;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                at[wAxis] = x;
                at[hAxis] = height - 1 - y;
                double d = g.density(at[0], at[1], at[2]);
                values[y * width + x] = d;
                max = Math.max(max, d);
            }
        }
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) (max > 0 ? Math.round(255 * Math.max(0, values[i]) / max) : 0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", String.valueOf("xyz".charAt(axis)));
        m.put("index", index);
        m.put("width", width);
        m.put("height", height);
        m.put("max_density", max);
        m.put("png_base64", Png.base64(Png.grey(width, height, pixels)));
        return m;
    }

    /** The whole density field, quantised to bytes (value x 255 / scale), x fastest then y then z, base64. */
    private static Map<String, Object> field(FluidGrid g) {
        byte[] q = new byte[g.nx() * g.ny() * g.nz()];
        double max = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    max = Math.max(max, g.density(i, j, k));
                }
            }
        }
        int c = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    q[c++] = (byte) (max > 0 ? Math.round(255 * Math.max(0, g.density(i, j, k)) / max) : 0);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoding", "u8-base64");
        m.put("dims", new int[] {g.nx(), g.ny(), g.nz()});
        m.put("scale", max);
        m.put("data", Base64.getEncoder().encodeToString(q));
        return m;
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed", type().seedData()),
                new BenchCase("64^3 x 10 steps", "{\"grid_size\":[64,64,64],\"iterations\":20,\"steps\":10}"),
                new BenchCase("16^3 x 50 steps viscous", "{\"grid_size\":[16,16,16],\"iterations\":20,\"steps\":50,"
                        + "\"viscosity\":0.5,\"diffusion\":0.1}"));
    }
}
