package io.p2c2r.executors.physics.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FracturerTest {
    private static final ExecutionContext SEQ = ExecutionContext.sequential();
    private static final ConvexPolyhedron WALL = SolidBuilder.box(new Vec3(4, 2, 0.5));
    private static final Vec3 IMPACT = new Vec3(0, 1, 0.25);

    @Test
    void box_volumeAndCentroid_matchTheFormula() {
        ConvexPolyhedron b = ConvexPolyhedron.box(new Vec3(-1, 0, 2), new Vec3(2, 1, 4));
        // 3 x 1 x 2 box: volume 6, centroid at the middle of each range.
        assertEquals(6, b.volume(), 1e-12);
        assertEquals(new Vec3(0.5, 0.5, 3), b.centroid());
        assertTrue(b.isConvex(1e-12));
    }

    @Test
    void clip_byDiagonalPlane_halvesTheCube() {
        ConvexPolyhedron cube = ConvexPolyhedron.box(new Vec3(0, 0, 0), new Vec3(1, 1, 1));
        ConvexPolyhedron half = cube.clip(new Plane(new Vec3(1, 1, 1), 1.5), 1e-12);
        // The plane x + y + z = 1.5 passes through the cube's centre and, by the cube's central symmetry, halves it.
        assertEquals(0.5, half.volume(), 1e-12);
        assertTrue(half.isConvex(1e-12));
        assertEquals(7, half.faces().size(), "six clipped faces plus the hexagonal cap");
    }

    @Test
    void fragmentVolumes_sumToTheSolidsVolume() {
        List<Fragment> parts = Fracturer.fracture(WALL, 300, 3, IMPACT, 11, SEQ);
        double sum = 0;
        for (Fragment f : parts) {
            sum += f.shape().volume();
        }
        // The cells partition the solid exactly, so only rounding separates the sum from 4 x 2 x 0.5 = 4.
        assertEquals(0, Math.abs(sum - 4) / 4, 1e-9);
        assertTrue(parts.size() <= 300 && parts.size() >= 290, "about the requested complexity: " + parts.size());
    }

    @Test
    void everyFragment_isConvex() {
        for (Fragment f : Fracturer.fracture(WALL, 200, 2, IMPACT, 5, SEQ)) {
            assertTrue(f.shape().isConvex(1e-9), "fragment at " + f.shape().centroid());
        }
    }

    @Test
    void randomPointsInsideTheSolid_lieInExactlyOneFragment() {
        List<Fragment> parts = Fracturer.fracture(WALL, 150, 2, IMPACT, 7, SEQ);
        SplittableRandom rnd = new SplittableRandom(99);
        for (int i = 0; i < 2000; i++) {
            Vec3 p = new Vec3(rnd.nextDouble(-2, 2), rnd.nextDouble(0, 2), rnd.nextDouble(-0.25, 0.25));
            int holders = 0;
            for (Fragment f : parts) {
                holders += f.shape().contains(p, 0) ? 1 : 0;
            }
            // A random point lands on a shared face with probability zero, so it is strictly inside one cell.
            assertEquals(1, holders, "point " + p);
        }
    }

    @Test
    void deeperLevels_areNearerTheImpact() {
        List<Fragment> parts = Fracturer.fracture(WALL, 200, 3, IMPACT, 3, SEQ);
        double[] sum = new double[4];
        int[] count = new int[4];
        for (Fragment f : parts) {
            sum[f.level()] += f.shape().centroid().minus(IMPACT).length();
            count[f.level()]++;
        }
        // Each level refines the quarter of fragments nearest the impact, so level 3 sits closer than level 1.
        assertTrue(count[1] > 0 && count[3] > 0);
        assertTrue(sum[3] / count[3] < sum[1] / count[1]);
    }

    @Test
    void predictedCount_forTheSeed_isExactlyOneHundred() {
        // Seed data: complexity 100, depth 2. 58 first-level cells, then 58 / 4 = 14 of them split into 4:
        // 58 + 3 x 14 = 100.
        assertEquals(58, Fracturer.firstLevelCount(100, 2));
        assertEquals(100, Fracturer.predictedCount(58, 2));
    }

    @Test
    void planesSolid_tetrahedron_hasTheRightVolume() {
        ConvexPolyhedron tet = SolidBuilder.fromPlanes(new double[][] {
                {-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}, {1, 1, 1, 1}});
        // The corner tetrahedron x, y, z >= 0, x + y + z <= 1 has volume 1/6.
        assertEquals(1.0 / 6, tet.volume(), 1e-12);
        double sum = 0;
        for (Fragment f : Fracturer.fracture(tet, 50, 1, new Vec3(0.1, 0.1, 0.1), 1, SEQ)) {
            sum += f.shape().volume();
        }
        assertEquals(0, Math.abs(sum - 1.0 / 6) * 6, 1e-9);
    }

    @Test
    void hullOfPoints_octahedronWithInnerPoints_hasTheRightVolume() {
        ConvexPolyhedron oct = SolidBuilder.fromVertices(new double[][] {
                {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}, {0.1, 0.2, 0.1}, {0, 0, 0}});
        // The regular octahedron |x| + |y| + |z| <= 1 has volume 4/3; the inner points change nothing.
        assertEquals(4.0 / 3, oct.volume(), 1e-12);
        assertEquals(8, oct.faces().size());
        assertTrue(oct.isConvex(1e-12));
    }
}
