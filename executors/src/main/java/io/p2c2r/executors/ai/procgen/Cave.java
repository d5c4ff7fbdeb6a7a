package io.p2c2r.executors.ai.procgen;

import io.p2c2r.common.task.Params;
import io.p2c2r.executors.ExecutionContext;
import java.util.SplittableRandom;

/**
 * Caves by cellular automata: random fill, then rounds of the 4-5 rule (a cell becomes wall with five or
 * more wall neighbours, stays wall with four), then the separate pockets are either joined by tunnels
 * or filled in, so every floor cell is reachable. One instance per run; not thread-safe.
 */
final class Cave {
    /** The cave's own fields. Immutable. */
    record Spec(Common common, double fill, int steps, boolean connect) {
        static Spec parse(Params p) {
            Common c = Common.parse(p, "cave", "fill", "steps", "pockets");
            double fill = p.doubleValue("fill", 0.45, 0.30, 0.70);
            int steps = p.intValue("steps", 4, 0, 12);
            boolean connect = p.oneOf("pockets", "connect", "connect", "remove").equals("connect");
            return new Spec(c, fill, steps, connect);
        }
    }

    final CharMap map;
    /** The regions found before joining or removing. */
    final Regions before;
    final int tunnels;
    final int tunnelCells;
    final int removedCells;
    /** Region contacts met and candidate tunnels sorted while joining (0 when pockets are removed). */
    final long joinContacts;
    final long joinCandidates;

    private Cave(CharMap map, Regions before, int tunnels, int tunnelCells, int removedCells, long joinContacts,
                 long joinCandidates) {
        this.map = map;
        this.before = before;
        this.tunnels = tunnels;
        this.tunnelCells = tunnelCells;
        this.removedCells = removedCells;
        this.joinContacts = joinContacts;
        this.joinCandidates = joinCandidates;
    }

    static Cave generate(Spec spec, ExecutionContext ctx) {
        int w = spec.common().width();
        int h = spec.common().height();
        CharMap map = new CharMap(w, h, CharMap.WALL);
        SplittableRandom rnd = new SplittableRandom(spec.common().seed());
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                map.set(x, y, rnd.nextDouble() < spec.fill() ? CharMap.WALL : CharMap.FLOOR);
            }
        }
        for (int s = 0; s < spec.steps(); s++) {
            ctx.checkCancelled();
            map = smooth(map, ctx);
        }
        if (map.floorCells() == 0) {
            map.set(w / 2, h / 2, CharMap.FLOOR); // a dense fill on a tiny map can close up entirely
        }
        Regions regions = Regions.of(map);
        if (spec.connect()) {
            RegionJoiner joiner = RegionJoiner.join(map, regions);
            return new Cave(map, regions, joiner.tunnels, joiner.tunnelCells, 0, joiner.contacts, joiner.candidates);
        }
        int keep = regions.largest();
        int removed = 0;
        for (int i = 0; i < map.cells.length; i++) {
            if (regions.label[i] >= 0 && regions.label[i] != keep) {
                map.cells[i] = CharMap.WALL;
                removed++;
            }
        }
        return new Cave(map, regions, 0, 0, removed, 0, 0);
    }

    private static CharMap smooth(CharMap in, ExecutionContext ctx) {
        int w = in.width;
        int h = in.height;
        CharMap out = new CharMap(w, h, CharMap.WALL);
        ctx.parallelFor(h - 2, row -> {
            int y = row + 1;
            for (int x = 1; x < w - 1; x++) {
                int walls = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx != 0 || dy != 0) && in.get(x + dx, y + dy) == CharMap.WALL) {
                            walls++;
                        }
                    }
                }
                boolean wall = walls >= 5 || (walls == 4 && in.get(x, y) == CharMap.WALL);
                out.set(x, y, wall ? CharMap.WALL : CharMap.FLOOR);
            }
        });
        return out;
    }
}
