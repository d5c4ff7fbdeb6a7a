package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.math.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws Voronoi sites strictly inside a convex solid, either clustered around an impact point (distance
 * {@code R u^2} for uniform {@code u}, so density grows towards the impact) or uniformly in the bounding
 * box; rejected draws retry, and after {@link #TRIES} a site falls back to a random point between the
 * centroid and a vertex, which convexity keeps inside. Stateless; call it from the thread that owns the generator.
 */
final class SiteSampler {
    static final int TRIES = 100;

    private SiteSampler() {}

    static Vec3[] clustered(ConvexPolyhedron solid, int count, Vec3 impact, SplittableRandom rnd, double scale) {
        double radius = solid.radiusAround(impact);
        List<Vec3> sites = new ArrayList<>(count);
        while (sites.size() < count) {
            Vec3 found = null;
            for (int t = 0; t < TRIES && found == null; t++) {
                double u = rnd.nextDouble();
                Vec3 p = impact.plusScaled(randomDirection(rnd), radius * u * u);
                found = accept(solid, sites, p, scale) ? p : null;
            }
            if (!addOrFallback(solid, sites, found, rnd, scale)) {
                break;
            }
        }
        return sites.toArray(new Vec3[0]);
    }

    static Vec3[] uniform(ConvexPolyhedron solid, int count, SplittableRandom rnd, double scale) {
        Vec3 lo = solid.vertices().get(0);
        Vec3 hi = lo;
        for (Vec3 v : solid.vertices()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        List<Vec3> sites = new ArrayList<>(count);
        while (sites.size() < count) {
            Vec3 found = null;
            for (int t = 0; t < TRIES && found == null; t++) {
                Vec3 p = new Vec3(lerp(lo.x(), hi.x(), rnd.nextDouble()), lerp(lo.y(), hi.y(), rnd.nextDouble()),
                        lerp(lo.z(), hi.z(), rnd.nextDouble()));
                found = accept(solid, sites, p, scale) ? p : null;
            }
            if (!addOrFallback(solid, sites, found, rnd, scale)) {
                break;
            }
        }
        return sites.toArray(new Vec3[0]);
    }

    /**
     * Adds {@code found}, or else a point between the centroid and a random vertex; false (and fewer sites)
     * only if even those keep failing, which takes a solid too thin to hold distinct sites.
     */
    private static boolean addOrFallback(ConvexPolyhedron solid, List<Vec3> sites, Vec3 found, SplittableRandom rnd,
                                         double scale) {
        if (found != null) {
            sites.add(found);
            return true;
        }
        Vec3 c = solid.centroid();
        for (int t = 0; t < TRIES; t++) {
            Vec3 v = solid.vertices().get(rnd.nextInt(solid.vertices().size()));
            Vec3 p = c.plusScaled(v.minus(c), rnd.nextDouble(0, 0.9));
            if (accept(solid, sites, p, scale)) {
                sites.add(p);
                return true;
            }
        }
        return false;
    }

    /** Strictly inside, and not (nearly) on top of an earlier site, whose bisector would be degenerate. */
    private static boolean accept(ConvexPolyhedron solid, List<Vec3> sites, Vec3 p, double scale) {
        if (!solid.contains(p, -1e-9 * scale)) {
            return false;
        }
        double min2 = 1e-12 * scale * scale;
        for (Vec3 s : sites) {
            if (s.minus(p).lengthSquared() < min2) {
                return false;
            }
        }
        return true;
    }

    private static Vec3 randomDirection(SplittableRandom rnd) {
        double z = rnd.nextDouble(-1, 1);
        double phi = rnd.nextDouble(0, 2 * Math.PI);
        double r = Math.sqrt(1 - z * z);
        return new Vec3(r * StrictMath.cos(phi), r * StrictMath.sin(phi), z);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
