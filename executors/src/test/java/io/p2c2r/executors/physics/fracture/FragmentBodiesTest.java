package io.p2c2r.executors.physics.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Mat3;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentBodiesTest {
    @Test
    void box_hasTheCuboidsPrincipalMoments() {
        FragmentBodies.Principal p = FragmentBodies.of(ConvexPolyhedron.box(new Vec3(1, 2, 3), new Vec3(3, 3, 3.5)));
        // Half-extents 1, 0.5, 0.25; per unit mass I = (h_j^2 + h_k^2) / 3: 0.1042, 0.3542, 0.4167 in some order.
        double[] got = p.hull().unitInertia().toArray();
        Arrays.sort(got);
        assertEquals((0.25 + 0.0625) / 3, got[0], 1e-12);
        assertEquals((1 + 0.0625) / 3, got[1], 1e-12);
        assertEquals((1 + 0.25) / 3, got[2], 1e-12);
    }

    @Test
    void principalFrame_mapsHullVerticesBackOntoTheFragment() {
        ConvexPolyhedron tet = SolidBuilder.fromVertices(new double[][] {{0, 0, 0}, {2, 0, 0}, {0, 1, 0}, {0, 0, 3}});
        FragmentBodies.Principal p = FragmentBodies.of(tet);
        Mat3 r = p.frame().toMatrix();
        Vec3 c = tet.centroid();
        // A game places the hull's local vertex l at centroid + R(frame) l; that must be the original vertex.
        for (int i = 0; i < tet.vertices().size(); i++) {
            Vec3 back = c.plus(r.times(p.hull().vertices().get(i)));
            assertEquals(0, back.minus(tet.vertices().get(i)).length(), 1e-12);
        }
    }

    @Test
    void simulatedWall_collapsesAndComesToRestOnTheGround() {
        ConvexPolyhedron wall = SolidBuilder.box(new Vec3(4, 2, 0.5));
        Vec3 impact = new Vec3(0, 1, 0.25);
        List<Fragment> parts = Fracturer.fracture(wall, 40, 2, impact, 1, ExecutionContext.sequential());
        List<FragmentSimulation.Pose> poses = FragmentSimulation.run(parts, 2400, impact, 5, 300,
                new io.p2c2r.executors.physics.SimulationWork(1, 1, 1, 1), ExecutionContext.sequential()).poses();
        double lowest = Double.POSITIVE_INFINITY;
        double energy = 0;
        for (int i = 0; i < parts.size(); i++) {
            FragmentSimulation.Pose pose = poses.get(i);
            Mat3 r = pose.orientation().toMatrix();
            Vec3 c = parts.get(i).shape().centroid();
            for (Vec3 v : parts.get(i).shape().vertices()) {
                lowest = Math.min(lowest, pose.position().plus(r.times(v.minus(c))).y());
            }
            energy += pose.kineticEnergy();
        }
        // After 5 s the pile rests: kinetic energy under 1 J (it started near 6 kJ) and no vertex deeper than
        // 2 cm into the ground (the solver tolerates 5 mm per contact; a pile adds a little).
        assertTrue(energy < 1, "kinetic energy " + energy);
        assertTrue(lowest > -0.02, "lowest vertex " + lowest);
    }
}
