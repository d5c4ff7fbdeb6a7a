package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.math.Vec3;
import java.util.Arrays;

/**
 * Voronoi cells of a set of sites restricted to a convex container: cell i is the container clipped by the
 * bisector half-space of i against every other site, nearest sites first, stopping once the next site is
 * more than twice the cell's radius away (its bisector can no longer cut the cell). Cells are computed in
 * parallel, each written to its own slot. Stateless and thread-safe.
 */
public final class VoronoiCells {
    private VoronoiCells() {}

    /**
     * A site's cell ({@code shape} null if it vanished, which only happens for sites outside the container) and
     * how many half-space clips built it: the measure of its work.
     */
    public record Cell(ConvexPolyhedron shape, int clips) {
    }

    /** One cell per site. */
    public static Cell[] compute(ConvexPolyhedron container, Vec3[] sites, double eps, ExecutionContext ctx) {
        Cell[] cells = new Cell[sites.length];
        ctx.parallelFor(sites.length, i -> {
            ctx.checkCancelled();
            cells[i] = cell(container, sites, i, eps);
        });
        return cells;
    }

    static Cell cell(ConvexPolyhedron container, Vec3[] sites, int i, double eps) {
        Vec3 site = sites[i];
        int n = sites.length;
        // Sort the others by distance; ties broken by index so the clip order is fixed.
        double[] d2 = new double[n];
        Integer[] order = new Integer[n - 1];
        int k = 0;
        for (int j = 0; j < n; j++) {
            d2[j] = sites[j].minus(site).lengthSquared();
            if (j != i) {
                order[k++] = j;
            }
        }
        Arrays.sort(order, (a, b) -> d2[a] != d2[b] ? Double.compare(d2[a], d2[b]) : Integer.compare(a, b));
        ConvexPolyhedron cell = container;
        double radius = cell.radiusAround(site);
        int clips = 0;
        for (int j : order) {
            if (d2[j] > 4 * radius * radius) {
                break;
            }
            clips++;
            ConvexPolyhedron next = cell.clip(Plane.bisector(site, sites[j]), eps);
            if (next == null) {
                return new Cell(null, clips);
            }
            if (next != cell) {
                cell = next;
                radius = cell.radiusAround(site);
            }
        }
        return new Cell(cell, clips);
    }
}
