package io.p2c2r.executors.physics.rigid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Quat;
import io.p2c2r.executors.physics.rigid.contact.SolverSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {
    private static final double DT = 1.0 / 60;
    private static final double G = 9.81;
    private static final ExecutionContext SEQ = ExecutionContext.sequential();

    private static Body sphere(int id, double r, Vec3 p, Vec3 v, Material m) {
        return new Body(id, new Shape.Sphere(r), 1, m, p, Quat.IDENTITY, v, Vec3.ZERO);
    }

    @Test
    void freeFall_matchesClosedForm() {
        Body b = sphere(0, 0.5, new Vec3(0, 100, 0), Vec3.ZERO, new Material(0, 0));
        World w = new World(List.of(b), new Vec3(0, -G, 0), null, SolverSettings.defaults(10));
        int n = 60;
        for (int i = 0; i < n; i++) {
            w.step(DT, SEQ);
        }
        double t = n * DT;
        // Semi-implicit Euler: v_n = -g n dt exactly, y_n = y0 - g dt^2 n (n + 1) / 2, which differs from the
        // closed form y0 - g t^2 / 2 by the method's known first-order error g t dt / 2.
        assertEquals(-G * t, b.velocity().y(), 1e-9);
        assertEquals(100 - G * DT * DT * n * (n + 1) / 2, b.position().y(), 1e-9);
        assertEquals(100 - G * t * t / 2, b.position().y(), G * t * DT / 2 + 1e-9);
    }

    @Test
    void headOnElasticCollision_ofEqualSpheres_swapsVelocities() {
        Material elastic = new Material(1, 0);
        Body a = sphere(0, 0.5, new Vec3(-1, 0, 0), new Vec3(2, 0, 0), elastic);
        Body b = sphere(1, 0.5, new Vec3(1, 0, 0), new Vec3(-2, 0, 0), elastic);
        World w = new World(List.of(a, b), Vec3.ZERO, null, SolverSettings.defaults(10));
        for (int i = 0; i < 60; i++) {
            w.step(DT, SEQ);
        }
        // Equal masses, e = 1: the 1D elastic collision formulas give v_a' = v_b and v_b' = v_a.
        assertEquals(-2, a.velocity().x(), 1e-9);
        assertEquals(2, b.velocity().x(), 1e-9);
        assertEquals(0, a.velocity().x() + b.velocity().x(), 1e-12);
        assertTrue(a.position().x() < -1 && b.position().x() > 1, "they moved apart again");
    }

    @Test
    void stack_ofBoxes_settlesWithoutSinking() {
        Material m = new Material(0, 0.6);
        List<Body> boxes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boxes.add(new Body(i, new Shape.Box(new Vec3(0.5, 0.5, 0.5)), 1, m, new Vec3(0, 0.5 + i, 0),
                    Quat.IDENTITY, Vec3.ZERO, Vec3.ZERO));
        }
        World w = new World(boxes, new Vec3(0, -G, 0), m, SolverSettings.defaults(10));
        for (int i = 0; i < 300; i++) {
            w.step(DT, SEQ);
        }
        for (int i = 0; i < 4; i++) {
            Body b = boxes.get(i);
            // Unit cubes resting on each other: centre i at height 0.5 + i, minus the allowed slop (5 mm) per layer.
            assertEquals(0.5 + i, b.position().y(), 0.03, "height of box " + i);
            // The first steps solve four corner contacts one after another, which leaves a small lean; 5 cm
            // (a tenth of the half-width that would topple a box) is the documented tolerance.
            assertEquals(0, b.position().x(), 0.05, "x drift of box " + i);
            assertEquals(0, b.position().z(), 0.05, "z drift of box " + i);
        }
        assertTrue(World.maxPenetration(w.currentContacts(SEQ)) < 0.02, "penetration below 2 cm");
        assertTrue(w.kineticEnergy() < 1e-3, "at rest: " + w.kineticEnergy());
    }

    @Test
    void energy_withRestitutionBelowOne_neverRises() {
        List<Body> bodies = SceneGenerator.generate(40, 7, new Material(0.5, 0.4));
        World w = new World(bodies, new Vec3(0, -G, 0), new Material(0.5, 0.4), SolverSettings.defaults(10));
        double before = w.totalEnergy();
        double start = before;
        double worstRise = 0;
        for (int i = 0; i < 300; i++) {
            w.step(DT, SEQ);
            double now = w.totalEnergy();
            worstRise = Math.max(worstRise, now - before);
            before = now;
        }
        // Split-impulse correction lifts bodies out of overlap without adding velocity; the potential energy it
        // adds per step is bounded by m g times the corrected depth, far below a millionth of the scene's energy.
        assertTrue(worstRise <= 1e-6 * Math.abs(start), "energy rose by " + worstRise + " of " + start);
        assertTrue(before < start, "energy was dissipated");
    }

    @Test
    void slidingBox_deceleratesAtMuTimesG() {
        Material m = new Material(0, 0.4);
        // Resting exactly on the ground (no fall), pushed along x at 3 m/s.
        Body b = new Body(0, new Shape.Box(new Vec3(0.5, 0.5, 0.5)), 2, m, new Vec3(0, 0.5, 0), Quat.IDENTITY,
                new Vec3(3, 0, 0), Vec3.ZERO);
        World w = new World(List.of(b), new Vec3(0, -G, 0), m, SolverSettings.defaults(10));
        for (int i = 0; i < 30; i++) {
            w.step(DT, SEQ);
        }
        // Coulomb friction: v(t) = v0 - mu g t = 3 - 0.4 x 9.81 x 0.5 = 1.038 m/s after 0.5 s.
        assertEquals(3 - 0.4 * G * 0.5, b.velocity().x(), 0.02);
    }

    @Test
    void droppedBall_reboundsAtRestitutionTimesImpactSpeed() {
        Material m = new Material(0.6, 0);
        Body b = sphere(0, 0.5, new Vec3(0, 0.5 + 1.25, 0), Vec3.ZERO, m);
        World w = new World(List.of(b), new Vec3(0, -G, 0), m, SolverSettings.defaults(10));
        double impact = 0;
        double rebound = 0;
        for (int i = 0; i < 60 && rebound <= 0; i++) {
            double before = b.velocity().y();
            w.step(DT, SEQ);
            if (b.velocity().y() > 0) {
                impact = before - G * DT; // gravity is applied before the contact is solved
                rebound = b.velocity().y();
            }
        }
        // Newton's law of restitution at the contact: v_out = -e v_in.
        assertEquals(-0.6 * impact, rebound, 1e-9);
    }
}
