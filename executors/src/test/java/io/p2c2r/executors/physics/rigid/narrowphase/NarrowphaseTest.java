package io.p2c2r.executors.physics.rigid.narrowphase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Quat;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.ConvexHull;
import io.p2c2r.executors.physics.rigid.Material;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NarrowphaseTest {
    private static final Material M = new Material(0, 0.5);
    private static final Vec3 HALF = new Vec3(0.5, 0.5, 0.5);

    private static Body box(Vec3 p, Quat q) {
        return new Body(0, new Shape.Box(HALF), 1, M, p, q, Vec3.ZERO, Vec3.ZERO);
    }

    private static Body sphere(Vec3 p, double r) {
        return new Body(1, new Shape.Sphere(r), 1, M, p, Quat.IDENTITY, Vec3.ZERO, Vec3.ZERO);
    }

    @Test
    void boxOnBox_faceContact_hasFourPointsAtTheOverlap() {
        Manifold m = Narrowphase.collide(box(Vec3.ZERO, Quat.IDENTITY), box(new Vec3(0.2, 0.9, 0.1), Quat.IDENTITY)).orElseThrow();
        // Unit cubes 0.9 apart on y overlap by 0.1 along +y; the 0.8 x 0.8 overlap of the faces has 4 corners.
        assertVec(new Vec3(0, 1, 0), m.normal());
        assertEquals(4, m.points().size());
        for (ContactPoint p : m.points()) {
            assertEquals(0.1, p.depth(), 1e-12);
            assertTrue(p.position().x() >= -0.3 - 1e-12 && p.position().x() <= 0.5 + 1e-12);
        }
    }

    @Test
    void crossedEdges_giveOneEdgeContact() {
        // B is turned 45 degrees about x and then 45 about y, so it meets A's top with an edge, not a face.
        Quat q = Quat.axisAngle(new Vec3(0, 1, 0), Math.PI / 4).times(Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 4));
        Body a = box(Vec3.ZERO, Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 4));
        Body b = box(new Vec3(0, 1.35, 0), q);
        Optional<Manifold> m = Narrowphase.collide(a, b);
        assertTrue(m.isPresent());
        // A's top edge is at sqrt(2)/2 = 0.7071 and B's lowest point at 1.35 - 0.7071 (an edge or a corner),
        // so the overlap along the contact normal is at most 2 x 0.7071 - 1.35 = 0.0642.
        assertTrue(m.get().maxDepth() > 0 && m.get().maxDepth() <= 0.0643, "depth " + m.get().maxDepth());
        assertTrue(m.get().normal().y() > 0.7, "normal points up from A to B: " + m.get().normal());
    }

    @Test
    void hullCubes_faceContact_matchesTheBoxBoxResult() {
        Manifold hulls = HullHull.collide(cubeHull(Vec3.ZERO, Quat.IDENTITY), cubeHull(new Vec3(0.2, 0.9, 0.1), Quat.IDENTITY))
                .orElseThrow();
        // Same geometry as boxOnBox_faceContact_hasFourPointsAtTheOverlap: normal +y, 4 points, depth 0.1.
        assertVec(new Vec3(0, 1, 0), hulls.normal());
        assertEquals(4, hulls.points().size());
        assertEquals(0.1, hulls.maxDepth(), 1e-12);
    }

    @Test
    void hullCubes_crossedEdges_agreeWithBoxBox() {
        Quat q = Quat.axisAngle(new Vec3(0, 1, 0), Math.PI / 4).times(Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 4));
        Quat qa = Quat.axisAngle(new Vec3(1, 0, 0), Math.PI / 4);
        Manifold boxes = Narrowphase.collide(box(Vec3.ZERO, qa), box(new Vec3(0, 1.35, 0), q)).orElseThrow();
        Manifold hulls = HullHull.collide(cubeHull(Vec3.ZERO, qa), cubeHull(new Vec3(0, 1.35, 0), q)).orElseThrow();
        // Both generators run the separating-axis test on the same geometry, so they agree on the contact.
        assertEquals(boxes.maxDepth(), hulls.maxDepth(), 1e-9);
        assertVec(boxes.normal(), hulls.normal());
    }

    @Test
    void separatedHulls_haveNoContact() {
        // Turned 0.3 rad about z, B reaches 0.5 (cos 0.3 + sin 0.3) = 0.626 along x, so from x = 1.2 it stops at 0.574 > 0.5.
        assertTrue(HullHull.collide(cubeHull(Vec3.ZERO, Quat.IDENTITY),
                cubeHull(new Vec3(1.2, 0.3, 0.2), Quat.axisAngle(new Vec3(0, 0, 1), 0.3))).isEmpty());
    }

    /** A unit cube as a convex hull (inertia of a cube per unit mass: 1/6 on each axis). */
    private static Body cubeHull(Vec3 p, Quat q) {
        List<Vec3> v = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            v.add(new Vec3((i & 1) == 0 ? -0.5 : 0.5, (i & 2) == 0 ? -0.5 : 0.5, (i & 4) == 0 ? -0.5 : 0.5));
        }
        List<int[]> f = List.of(new int[] {0, 4, 6, 2}, new int[] {1, 3, 7, 5}, new int[] {0, 1, 5, 4},
                new int[] {2, 6, 7, 3}, new int[] {0, 2, 3, 1}, new int[] {4, 5, 7, 6});
        ConvexHull hull = ConvexHull.of(v, f, 1, new Vec3(1.0 / 6, 1.0 / 6, 1.0 / 6));
        return new Body(2, hull, 1, M, p, q, Vec3.ZERO, Vec3.ZERO);
    }

    @Test
    void separatedBoxes_haveNoContact() {
        assertTrue(Narrowphase.collide(box(Vec3.ZERO, Quat.IDENTITY), box(new Vec3(1.01, 0, 0), Quat.IDENTITY)).isEmpty());
    }

    @Test
    void sphereOnBox_touchesTheNearestFace() {
        Manifold m = Narrowphase.collide(sphere(new Vec3(0.1, 0.8, 0), 0.4), box(Vec3.ZERO, Quat.IDENTITY)).orElseThrow();
        // Sphere first, so the normal points from the sphere down into the box; depth 0.5 + 0.4 - 0.8 = 0.1.
        assertVec(new Vec3(0, -1, 0), m.normal());
        assertEquals(0.1, m.maxDepth(), 1e-12);
    }

    @Test
    void sphereCentreInsideBox_isPushedOutThroughTheNearestFace() {
        Manifold m = Narrowphase.collide(box(Vec3.ZERO, Quat.IDENTITY), sphere(new Vec3(0, 0, 0.4), 0.2)).orElseThrow();
        // Nearest face is z = 0.5 at 0.1 from the centre, so depth = radius + 0.1 = 0.3 along +z.
        assertVec(new Vec3(0, 0, 1), m.normal());
        assertEquals(0.3, m.maxDepth(), 1e-12);
    }

    @Test
    void tiltedBox_touchesTheGroundWithItsLowCorners() {
        Body b = box(new Vec3(0, 0.6, 0), Quat.axisAngle(new Vec3(0, 0, 1), Math.PI / 4));
        Manifold m = GroundContacts.collide(Body.ground(M), b).orElseThrow();
        // Turned 45 degrees about z, the lowest edge is at 0.6 - sqrt(2)/2 = -0.1071: its two corners touch.
        assertEquals(2, m.points().size());
        assertEquals(Math.sqrt(0.5) - 0.6, m.maxDepth(), 1e-12);
    }

    private static void assertVec(Vec3 expected, Vec3 actual) {
        assertEquals(0, expected.minus(actual).length(), 1e-12, "expected " + expected + " but was " + actual);
    }
}
