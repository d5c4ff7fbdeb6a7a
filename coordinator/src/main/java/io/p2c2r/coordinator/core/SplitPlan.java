package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.raytrace.Tiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A render cut into tiles: the region the whole task renders and, per tile, its rectangle, its own task data (the
 * render's data with {@code tile} set), cache key and work bound. Made on a socket thread with the rest of
 * {@link Submission}, so the event loop never builds or hashes tile data. Immutable.
 */
record SplitPlan(int[] region, List<Tile> tiles) {
    /** One tile: an ordinary task for routing, retries, caching, billing and checks. */
    record Tile(int index, int[] rect, RawJson data, String cacheKey, long maxWorkUnits) {
    }

    long pixels() {
        return (long) (region[2] - region[0]) * (region[3] - region[1]);
    }

    /**
     * The tiles of a checked submission, or null to run it whole: the gamer's {@code split}, else
     * {@link SplitRules#autoTiles}. Throws {@link io.p2c2r.common.task.InvalidTaskException} when a split is asked of a task that cannot be cut.
     */
    static SplitPlan of(SubmitTask message, TaskType type, TaskExecutor executor, Codec.ParsedData parsed, long maxWorkUnits,
                        SplitRules rules) {
        Integer asked = message.split();
        if (!Tiles.splittable(executor)) {
            if (asked != null && asked > 1) {
                throw new io.p2c2r.common.task.InvalidTaskException("split = " + asked + ": only the ray-tracing tasks (rt_*) can be cut into tiles, not "
                        + type.wireName());
            }
            return null;
        }
        int n = asked != null ? asked : rules.autoTiles(maxWorkUnits);
        if (n <= 1) {
            return null;
        }
        int[] region = Tiles.region(executor, parsed.params());
        List<int[]> rects = Tiles.bands(region, n);
        if (rects.size() <= 1) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> whole = (Map<String, Object>) Codec.tree(message.task().data());
        List<Tile> tiles = new ArrayList<>(rects.size());
        for (int i = 0; i < rects.size(); i++) {
            int[] r = rects.get(i);
            Map<String, Object> data = new LinkedHashMap<>(whole);
            data.put("tile", List.of(r[0], r[1], r[2], r[3]));
            RawJson raw = Codec.toRaw(data);
            Codec.ParsedData p = Codec.parseData(raw);
            executor.validate(p.params());
            tiles.add(new Tile(i, r, raw, Submission.cacheKey(type, executor.version(), p.canonical()),
                    executor.maxWorkUnits(p.params())));
        }
        return new SplitPlan(region, List.copyOf(tiles));
    }
}
