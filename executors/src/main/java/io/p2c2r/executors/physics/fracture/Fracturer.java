package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
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

    /**
     * The fragments, and the work that made them: half-space clips, and site comparisons (each cell sorts the
     * other sites of its group by distance, n log n comparisons), both summed in a fixed order.
     */
    public record Fracture(List<Fragment> fragments, long clips, long siteComparisons) {
    }

    public static List<Fragment> fracture(ConvexPolyhedron solid, int target, int depth, Vec3 impact, long seed,
                                          ExecutionContext ctx) {
        return run(solid, target, depth, impact, seed, ctx).fragments();
    }

    public static Fracture run(ConvexPolyhedron solid, int target, int depth, Vec3 impact, long seed,
                               ExecutionContext ctx) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double scale = solid.radiusAround(solid.vertexMean());
        double eps = 1e-12 * scale;
        int first = firstLevelCount(target, depth);
        List<Fragment> fragments = new ArrayList<>();
        Vec3[] sites = SiteSampler.clustered(solid, first, impact, rnd, scale);
        long[] work = {0, sites.length * sortComparisons(sites.length)};
        for (VoronoiCells.Cell c : VoronoiCells.compute(solid, sites, eps, ctx)) {
            work[0] += c.clips();
            if (c.shape() != null && c.shape().volume() > 0) { // a sliver of zero volume is no fragment
                fragments.add(new Fragment(c.shape(), 1));
            }
        }
        for (int level = 2; level <= depth; level++) {
            if (fragments.size() + (SPLIT - 1) * Math.max(1, fragments.size() / 4) > target) {
                break; // too few pieces to refine without overshooting the requested complexity
            }
            fragments = refine(fragments, level, impact, rnd, scale, eps, work, ctx);
        }
        return new Fracture(fragments, work[0], work[1]);
    }

    /**
     * The most clips and site comparisons {@link #run} can count for this target and depth: every cell clipped
     * by every other site of its group, and every level refined from the largest count the levels before allow.
     */
    public static Fracture bound(int target, int depth) {
        long n = firstLevelCount(target, depth);
        long clips = n * (n - 1);
        long comparisons = n * sortComparisons(n);
        for (int level = 2; level <= depth; level++) {
            long refined = Math.max(1, n / 4);
            clips += refined * SPLIT * (SPLIT - 1);
            comparisons += refined * SPLIT * sortComparisons(SPLIT);
            n += (SPLIT - 1) * refined;
        }
        return new Fracture(List.of(), clips, comparisons);
    }

    /** Comparisons to sort the other n - 1 sites of a group of n, counted as (n - 1) ceil(log2 n). */
    static long sortComparisons(long n) {
        return n <= 1 ? 0 : (n - 1) * (64 - Long.numberOfLeadingZeros(n - 1));
    }

    /** Replaces the quarter of the fragments nearest the impact; adds its clips and comparisons to {@code work}. */
    private static List<Fragment> refine(List<Fragment> fragments, int level, Vec3 impact, SplittableRandom rnd,
                                         double scale, double eps, long[] work, ExecutionContext ctx) {
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
        VoronoiCells.Cell[][] cells = new VoronoiCells.Cell[n][];
        ctx.parallelFor(n, i -> {
            if (chosen[i]) {
                ctx.checkCancelled();
                VoronoiCells.Cell[] out = new VoronoiCells.Cell[sites[i].length];
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
            work[1] += sites[i].length * sortComparisons(sites[i].length);
            for (VoronoiCells.Cell c : cells[i]) {
                work[0] += c.clips();
                if (c.shape() != null && c.shape().volume() > 0) { // a sliver of zero volume is no fragment
                    out.add(new Fragment(c.shape(), level));
                }
            }
        }
        return out;
    }
}
