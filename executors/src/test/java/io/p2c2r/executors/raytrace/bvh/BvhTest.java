package io.p2c2r.executors.raytrace.bvh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.geometry.Shape;
import io.p2c2r.executors.raytrace.geometry.Sphere;
import io.p2c2r.executors.raytrace.geometry.Triangle;
import io.p2c2r.executors.raytrace.math.Ray;
import io.p2c2r.executors.raytrace.math.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BvhTest {
    private static Vec3 random(Rng rng, double scale) {
        return new Vec3((rng.nextDouble() - 0.5) * scale, (rng.nextDouble() - 0.5) * scale, (rng.nextDouble() - 0.5) * scale);
    }

    private static List<Shape> soup(int triangles, int spheres, long seed) {
        Rng rng = new Rng(seed);
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < triangles; i++) {
            Vec3 a = random(rng, 20);
            shapes.add(new Triangle(a, a.plus(random(rng, 1)), a.plus(random(rng, 1))));
        }
        for (int i = 0; i < spheres; i++) {
            shapes.add(new Sphere(random(rng, 20), 0.05 + 0.3 * rng.nextDouble()));
        }
        return shapes;
    }

    @Test
    void closest_onRandomSoup_matchesBruteForce() {
        List<Shape> shapes = soup(3000, 300, 7);
        Bvh bvh = Bvh.build(shapes);
        Rng rng = new Rng(11);
        int hits = 0;
        for (int r = 0; r < 2000; r++) {
            Vec3 origin = random(rng, 30);
            Ray ray = new Ray(origin, random(rng, 10).minus(origin).normalized());
            double bestT = Double.POSITIVE_INFINITY;
            int best = -1;
            for (int i = 0; i < shapes.size(); i++) {
                double t = shapes.get(i).intersect(ray, 1e-6, bestT);
                if (t < bestT) {
                    bestT = t;
                    best = i;
                }
            }
            Bvh.Hit hit = bvh.closest(ray, 1e-6, Double.POSITIVE_INFINITY);
            if (best < 0) {
                assertNull(hit, "ray " + r);
                assertTrue(!bvh.occluded(ray, 1e-6, Double.POSITIVE_INFINITY), "ray " + r);
            } else {
                hits++;
                assertEquals(best, hit.shape(), "ray " + r);
                assertEquals(bestT, hit.t(), 0.0, "ray " + r);
                assertTrue(bvh.occluded(ray, 1e-6, bestT * 1.0001), "ray " + r);
                assertTrue(!bvh.occluded(ray, 1e-6, bestT * 0.9999), "ray " + r);
            }
        }
        assertTrue(hits > 500, "the test should exercise hits, got " + hits);
    }

    @Test
    void build_withManyTriangles_staysShallow() {
        Bvh bvh = Bvh.build(soup(20_000, 0, 3));
        // a balanced tree over 20k shapes in leaves of <= 4 has depth ~13; SAH may unbalance it a little
        assertTrue(bvh.depth() <= 40, "depth " + bvh.depth());
        assertTrue(bvh.nodeCount() < 2 * 20_000, "nodes " + bvh.nodeCount());
    }

    @Test
    void build_withIdenticalShapes_stillFindsThem() {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            shapes.add(new Sphere(new Vec3(0, 0, 0), 1));
        }
        Bvh bvh = Bvh.build(shapes);
        Bvh.Hit hit = bvh.closest(new Ray(new Vec3(0, 0, -5), new Vec3(0, 0, 1)), 1e-6, Double.POSITIVE_INFINITY);
        assertEquals(4.0, hit.t(), 1e-12);
        assertTrue(bvh.depth() <= 40, "depth " + bvh.depth());
    }
}
