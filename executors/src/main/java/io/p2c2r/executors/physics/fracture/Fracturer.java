package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.physics.math.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multi-level Voronoi fracture. Level 1 splits the solid into cells of sites clustered around the impact;
 * each further level replaces the quarter of the fragments whose centroids are nearest the impact by
 * {@link #SPLIT} cells each. The level-1 count is the largest that keeps the final count within the target.
 * Random draws happen sequentially from one seeded generator, so results do not depend on threads. Stateless.
 */
public final class Fracturer {
    static final int SPLIT = 4;

    private Fracturer() {}

    /** The fragment count after all levels when level 1 makes {@code first} fragments. */
    static long predictedCount(int first, int depth) {
        long count = first;
        for (int level = 2; level <= depth; level++) {
            count += (SPLIT - 1) * Math.max(1, count / 4);
        }
        return count;
    }

    /** The level-1 count: the largest that keeps the total within {@code target} (at least 1). */
    static int firstLevelCount(int target, int depth) {
        for (int n = target; n > 1; n--) {
            if (predictedCount(n, depth) <= target) {
                return n;
            }
        }
        return 1;
    }

    public static List<Fragment> fracture(ConvexPolyhedron solid, int target, int depth, Vec3 impact, long seed,
                                          ExecutionContext ctx) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double scale = solid.radiusAround(solid.vertexMean());
        double eps = 1e-12 * scale;
        int first = firstLevelCount(target, depth);
        List<Fragment> fragments = new ArrayList<>();
        Vec3[] sites = SiteSampler.clustered(solid, first, impact, rnd, scale);
        for (ConvexPolyhedron c : VoronoiCells.compute(solid, sites, eps, ctx)) {
            if (c != null && c.volume() > 0) { // a sliver of zero volume is no fragment
                fragments.add(new Fragment(c, 1));
            }
        }
        for (int level = 2; level <= depth; level++) {
            if (fragments.size() + (SPLIT - 1) * Math.max(1, fragments.size() / 4) > target) {
                break; // too few pieces to refine without overshooting the requested complexity
            }
            fragments = refine(fragments, level, impact, rnd, scale, eps, ctx);
        }
        return fragments;
    }

    private static List<Fragment> refine(List<Fragment> fragments, int level, Vec3 impact, SplittableRandom rnd,
                                         double scale, double eps, ExecutionContext ctx) {
        int n = fragments.size();
        double[] dist = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            dist[i] = fragments.get(i).shape().centroid().minus(impact).lengthSquared();
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
        int k = Math.max(1, n / 4);
        boolean[] chosen = new boolean[n];
        Vec3[][] sites = new Vec3[n][];
        for (int r = 0; r < k; r++) {
            int i = order[r];
            chosen[i] = true;
        }
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                sites[i] = SiteSampler.uniform(fragments.get(i).shape(), SPLIT, rnd, scale);
            }
        }
        ConvexPolyhedron[][] cells = new ConvexPolyhedron[n][];
        ctx.parallelFor(n, i -> {
            if (chosen[i]) {
                ctx.checkCancelled();
                ConvexPolyhedron[] out = new ConvexPolyhedron[sites[i].length];
                for (int s = 0; s < out.length; s++) {
                    out[s] = VoronoiCells.cell(fragments.get(i).shape(), sites[i], s, eps);
                }
                cells[i] = out;
            }
        });
        List<Fragment> out = new ArrayList<>(n + (SPLIT - 1) * k);
        for (int i = 0; i < n; i++) {
            if (!chosen[i]) {
                out.add(fragments.get(i));
                continue;
            }
            for (ConvexPolyhedron c : cells[i]) {
                if (c != null && c.volume() > 0) { // a sliver of zero volume is no fragment
                    out.add(new Fragment(c, level));
                }
            }
        }
        return out;
    }
}
