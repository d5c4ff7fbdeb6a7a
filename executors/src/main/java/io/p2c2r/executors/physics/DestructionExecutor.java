package io.p2c2r.executors.physics;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.fracture.ConvexPolyhedron;
import io.p2c2r.executors.physics.fracture.Fracturer;
import io.p2c2r.executors.physics.fracture.Fragment;
import io.p2c2r.executors.physics.fracture.FragmentSimulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code physics_destruction}: Voronoi fracture of a convex solid, optionally simulated. Stateless. */
public final class DestructionExecutor implements TaskExecutor {
    /** Work units per half-space clip of a Voronoi cell, relative to one site comparison. */
    static final long CLIP_UNITS = 150;
    /** Work units per fragment: its volume, centroid and JSON. */
    static final long FRAGMENT_UNITS = 200;
    /**
     * Simulated: per hull body-step (bounds and the broad phase among neighbours that touch or nearly do), per
     * fragment on the ground, per touching fragment pair (the separating-axis test over faces and edge pairs) and
     * per contact row-iteration, in the same units.
     */
    static final SimulationWork SIMULATION = new SimulationWork(800, 40, 1500, 8);
    /** Priced on one thread of the reference machine: {@code peer.jar bench --calibrate}, docs/TASKS.md "Work and price". */
    private static final WorkModel WORK_MODEL = new WorkModel("destruction operations (1 per site comparison, "
            + CLIP_UNITS + " per cell clip, " + FRAGMENT_UNITS + " per fragment; simulated: " + SIMULATION.rowUnits()
            + " per contact row-iteration, " + SIMULATION.bodyStepUnits() + " per body-step, "
            + SIMULATION.polyhedronPairUnits() + " per touching fragment pair, " + SIMULATION.pairUnits()
            + " per fragment on the ground)", 6_100, 0);

    @Override
    public TaskType type() {
        return TaskType.PHYSICS_DESTRUCTION;
    }

    @Override
    public String version() {
        return "2.2.0"; // 2.0.0: work_units in the result; 2.1.0: flat-array contact solver, sleeping islands; 2.2.0: rolling resistance, contact islands
    }

    @Override
    public void validate(Params data) {
        DestructionTask.parse(data);
    }

    @Override
    public long maxWorkUnits(Params data) {
        DestructionTask task = DestructionTask.parse(data);
        Fracturer.Fracture most = Fracturer.bound(task.complexity(), task.depth());
        long fragments = task.complexity();
        long rows = SimulationWork.rowIterations(FragmentSimulation.SOLVER);
        return fractureWork(most, fragments) + task.simulateSteps() * SIMULATION.maxStep(fragments, true, rows);
    }

    @Override
    public WorkModel workModel() {
        return WORK_MODEL;
    }

    private static long fractureWork(Fracturer.Fracture f, long fragments) {
        return f.siteComparisons() + CLIP_UNITS * f.clips() + FRAGMENT_UNITS * fragments;
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        DestructionTask task = DestructionTask.parse(data);
        Fracturer.Fracture fracture = Fracturer.run(task.solid(), task.complexity(), task.depth(), task.impact(),
                task.seed(), ctx);
        List<Fragment> fragments = fracture.fragments();
        long work = fractureWork(fracture, fragments.size());
        List<FragmentSimulation.Pose> poses = null;
        if (task.simulateSteps() > 0) {
            FragmentSimulation.Outcome run = FragmentSimulation.run(fragments, task.density(), task.impact(),
                    task.impactSpeed(), task.simulateSteps(), SIMULATION, ctx);
            poses = run.poses();
            work += run.workUnits();
        }
        double total = 0;
        List<Object> list = new ArrayList<>(fragments.size());
        for (int i = 0; i < fragments.size(); i++) {
            Fragment f = fragments.get(i);
            total += f.shape().volume();
            list.add(fragment(i, f, task.density(), poses == null ? null : poses.get(i)));
        }
        double volume = task.solid().volume();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fragment_count", fragments.size());
        out.put("impact_point", task.impact().toArray());
        out.put("solid", polyhedron(task.solid()));
        out.put("solid_volume", volume);
        out.put("fragments_volume", total);
        out.put("volume_relative_error", Math.abs(total - volume) / volume);
        out.put("simulated_steps", task.simulateSteps());
        out.put("fragments", list);
        out.put(WORK_UNITS, work);
        return out;
    }

    private static Map<String, Object> fragment(int id, Fragment f, double density, FragmentSimulation.Pose body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("level", f.level());
        m.putAll(polyhedron(f.shape()));
        m.put("volume", f.shape().volume());
        m.put("centroid", f.shape().centroid().toArray());
        m.put("mass", density * f.shape().volume());
        if (body != null) {
            // A game places vertex v at position + R(orientation) (v - centroid).
            Map<String, Object> pose = new LinkedHashMap<>();
            Finite.check("fragments[" + id + "].kinetic_energy", body.kineticEnergy());
            Finite.check("fragments[" + id + "].orientation", body.orientation().w());
            pose.put("position", body.position().toArray());
            pose.put("orientation", body.orientation().toArray());
            pose.put("velocity", body.velocity().toArray());
            pose.put("angular_velocity", body.angularVelocity().toArray());
            m.put("final_pose", pose);
        }
        return m;
    }

    /** Vertices as a flat {@code [x0, y0, z0, x1, ...]} array and faces as index lists, counter-clockwise from outside. */
    private static Map<String, Object> polyhedron(ConvexPolyhedron p) {
        double[] v = new double[3 * p.vertices().size()];
        for (int i = 0; i < p.vertices().size(); i++) {
            Vec3 x = p.vertices().get(i);
            v[3 * i] = x.x();
            v[3 * i + 1] = x.y();
            v[3 * i + 2] = x.z();
        }
        List<Object> faces = new ArrayList<>(p.faces().size());
        for (int[] f : p.faces()) {
            faces.add(f.clone());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vertices", v);
        m.put("faces", faces);
        return m;
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed", type().seedData()),
                new BenchCase("1000 fragments", "{\"complexity\":1000,\"fracture_depth\":2}"),
                new BenchCase("200 fragments simulated 120 steps",
                        "{\"complexity\":200,\"fracture_depth\":2,\"simulate_steps\":120}"));
    }
}
