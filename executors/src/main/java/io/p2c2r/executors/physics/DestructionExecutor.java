package io.p2c2r.executors.physics;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.physics.fracture.ConvexPolyhedron;
import io.p2c2r.executors.physics.fracture.Fragment;
import io.p2c2r.executors.physics.fracture.FragmentSimulation;
import io.p2c2r.executors.physics.fracture.Fracturer;
import io.p2c2r.executors.physics.math.Vec3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code physics_destruction}: Voronoi fracture of a convex solid, optionally simulated. Stateless. */
public final class DestructionExecutor implements TaskExecutor {
    @Override
    public TaskType type() {
        return TaskType.PHYSICS_DESTRUCTION;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public void validate(Params data) {
        DestructionTask.parse(data);
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        DestructionTask task = DestructionTask.parse(data);
        List<Fragment> fragments = Fracturer.fracture(task.solid(), task.complexity(), task.depth(), task.impact(),
                task.seed(), ctx);
        List<FragmentSimulation.Pose> poses = task.simulateSteps() > 0
                ? FragmentSimulation.run(fragments, task.density(), task.impact(), task.impactSpeed(), task.simulateSteps(), ctx)
                : null;
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
