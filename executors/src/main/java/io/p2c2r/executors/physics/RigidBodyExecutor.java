package io.p2c2r.executors.physics;

import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.World;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import io.p2c2r.executors.physics.rigid.contact.SolverSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code physics_rigid_body}: steps a world of boxes and spheres and returns the final state. Stateless. */
public final class RigidBodyExecutor implements TaskExecutor {
    /** Work units per body-step and per touching pair, relative to one contact row through one solver iteration. */
    static final SimulationWork WORK = new SimulationWork(5, 1, 36, 1);
    /** Priced on one thread of the reference machine: {@code peer.jar bench --calibrate}, docs/TASKS.md "Work and price". */
    private static final WorkModel WORK_MODEL = new WorkModel("contact row-iterations (+ " + WORK.bodyStepUnits()
            + " per body-step, " + WORK.polyhedronPairUnits() + " per touching box pair, " + WORK.pairUnits()
            + " per other touching pair)", 59_600, 39_600_000);

    @Override
    public TaskType type() {
        return TaskType.PHYSICS_RIGID_BODY;
    }

    @Override
    public String version() {
        return "2.2.0"; // 2.0.0: work_units in the result; 2.1.0: flat-array contact solver, sleeping islands; 2.2.0: rolling resistance, contact islands
    }

    @Override
    public void validate(Params data) {
        RigidBodyTask.parse(data);
    }

    @Override
    public long maxWorkUnits(Params data) {
        RigidBodyTask task = RigidBodyTask.parse(data);
        long rows = SimulationWork.rowIterations(SolverSettings.defaults(task.iterations()));
        // every step, then the contacts at the final poses (found, not solved)
        return task.steps() * WORK.maxStep(task.numObjects(), task.ground(), rows)
                + WORK.maxStep(task.numObjects(), task.ground(), 0);
    }

    @Override
    public WorkModel workModel() {
        return WORK_MODEL;
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        RigidBodyTask task = RigidBodyTask.parse(data);
        SolverSettings settings = SolverSettings.defaults(task.iterations());
        World world = new World(task.bodies(), task.gravity(), task.ground() ? task.material() : null, settings,
                data.field(task.givenBodies().isEmpty() ? "num_objects" : "bodies"));
        long work = 0;
        List<Object> frames = new ArrayList<>();
        double worstPenetration = 0;
        for (int s = 0; s < task.steps(); s++) {
            ctx.checkCancelled();
            if (task.recordEvery() > 0 && s % task.recordEvery() == 0) {
                frames.add(frame(s, world));
            }
            world.step(task.dt(), ctx);
            work += WORK.step(world, settings);
            worstPenetration = Math.max(worstPenetration, World.maxPenetration(world.lastContacts()));
        }
        if (task.recordEvery() > 0) {
            frames.add(frame(task.steps(), world));
        }
        List<Manifold> contacts = world.currentContacts(ctx);
        work += WORK.contacts(contacts, 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("steps", task.steps());
        out.put("dt", task.dt());
        out.put("time", task.steps() * task.dt());
        // Energy sums every pose and velocity, so one finite check covers them all.
        out.put("kinetic_energy", Finite.check("kinetic_energy", world.kineticEnergy()));
        out.put("total_energy", Finite.check("total_energy", world.totalEnergy()));
        out.put("max_penetration", World.maxPenetration(contacts));
        out.put("worst_penetration_during_run", worstPenetration);
        out.put("bodies", bodies(world));
        out.put("contact_count", pointCount(contacts));
        out.put("contacts", contacts(contacts, task.maxContacts()));
        if (task.recordEvery() > 0) {
            out.put("frames", frames);
        }
        out.put(WORK_UNITS, work);
        return out;
    }

    private static List<Object> bodies(World world) {
        List<Object> out = new ArrayList<>();
        for (Body b : world.bodies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            if (b.shape() instanceof Shape.Sphere s) {
                m.put("shape", "sphere");
                m.put("radius", s.radius());
            } else {
                m.put("shape", "box");
                m.put("half_extents", ((Shape.Box) b.shape()).half().toArray());
            }
            m.put("mass", b.mass());
            m.put("position", b.position().toArray());
            m.put("orientation", b.orientation().toArray());
            m.put("velocity", b.velocity().toArray());
            m.put("angular_velocity", b.angularVelocity().toArray());
            out.add(m);
        }
        return out;
    }

    /** One recorded frame: the step and, per body in id order, position (3) then orientation (4). */
    private static Map<String, Object> frame(int step, World world) {
        double[] poses = new double[7 * world.bodies().size()];
        int k = 0;
        for (Body b : world.bodies()) {
            for (double v : b.position().toArray()) {
                poses[k++] = v;
            }
            for (double v : b.orientation().toArray()) {
                poses[k++] = v;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("poses", poses);
        return m;
    }

    private static int pointCount(List<Manifold> contacts) {
        int n = 0;
        for (Manifold m : contacts) {
            n += m.points().size();
        }
        return n;
    }

    private static List<Object> contacts(List<Manifold> contacts, int max) {
        List<Object> out = new ArrayList<>();
        for (Manifold m : contacts) {
            for (ContactPoint p : m.points()) {
                if (out.size() >= max) {
                    return out;
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("a", m.a().id());
                c.put("b", m.b().id());
                c.put("point", p.position().toArray());
                c.put("normal", m.normal().toArray());
                c.put("depth", p.depth());
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed", type().seedData()),
                new BenchCase("1000 bodies x 600 steps", "{\"num_objects\":1000,\"simulation_steps\":600}"),
                new BenchCase("200 bodies x 200 steps", "{\"num_objects\":200,\"simulation_steps\":200}"));
    }
}
