package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.Params;
import io.p2c2r.executors.TaskExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Cutting a render into tiles that several peers can render at once. Every pixel draws from its own random
 * stream seeded by its place in the full frame, so a tile is byte for byte that region of the whole render, and
 * {@link TileMerge} can put the tiles back together into exactly the whole render's result. Stateless.
 */
public final class Tiles {
    /** Most tiles one render is cut into: bounds the tasks, messages and results one submission makes. */
    public static final int MAX_TILES = 64;

    private Tiles() {}

    /** Whether tasks of this executor can be cut into tiles (the three ray-tracing tasks). */
    public static boolean splittable(TaskExecutor executor) {
        return executor instanceof RenderExecutor;
    }

    /**
     * The region {@code [x0, y0, x1, y1]} that {@code data} renders (its {@code tile}, else the whole frame);
     * validates the data as the executor does.
     */
    public static int[] region(TaskExecutor executor, Params data) {
        if (!(executor instanceof RenderExecutor render)) {
            throw new IllegalArgumentException(executor.type().wireName() + " is not a render; it cannot be cut into tiles");
        }
        FrameRequest f = render.plan(data).frame();
        return new int[] {f.x0(), f.y0(), f.x1(), f.y1()};
    }

    /**
     * {@code n} horizontal bands of {@code region}, top to bottom, whose heights differ by at most one row
     * (fewer when the region has fewer rows than {@code n}). Full-width bands keep each tile's rows contiguous in
     * the frame, so merging is a copy of whole rows.
     */
    public static List<int[]> bands(int[] region, int n) {
        if (n < 1 || n > MAX_TILES) {
            throw new IllegalArgumentException("tiles = " + n + " is out of range [1, " + MAX_TILES + "]");
        }
        int rows = region[3] - region[1];
        int count = Math.min(n, rows);
        List<int[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int y0 = region[1] + (int) ((long) i * rows / count);
            int y1 = region[1] + (int) ((long) (i + 1) * rows / count);
            out.add(new int[] {region[0], y0, region[2], y1});
        }
        return out;
    }
}
