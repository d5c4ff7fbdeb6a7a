package io.p2c2r.executors.ai.procgen;

/**
 * The {@code work_units} of a generated map, in cell operations (one unit is about one simple pass of one cell:
 * a fill, a neighbour count, a noise octave), and their bound from the spec alone. The weights were measured
 * against each other on one thread (docs/TASKS.md, "Work and price"), so that one price per unit fits every map
 * type. Stateless.
 */
final class MapWork {
    static final String UNIT = "cell operations";
    /** Dungeon: per cell, filling, carving rooms, walking the stairs distance and writing rows. */
    static final long DUNGEON_CELL = 2;
    /** Dungeon: per room pair compared when looking for a loop corridor. */
    static final long LOOP_CHECK = 1;
    /** Cave: per cell, the random fill, labelling regions, removing or joining them and writing rows. */
    static final long CAVE_CELL = 5;
    /** Cave: per cell and smoothing step (eight neighbours counted). */
    static final long CAVE_STEP = 2;
    /** Cave: per place where two regions' searches met (a map update), and per candidate tunnel (sorted, tried, carved). */
    static final long CAVE_CONTACT = 13;
    static final long CAVE_CANDIDATE = 130;
    /** Terrain: per cell, moisture (three octaves), stretching, biomes and heights; plus one per height octave. */
    static final long TERRAIN_CELL = 4;
    /** Per preview pixel: painting it and encoding it as PNG. */
    static final long PREVIEW_PIXEL = 2;

    private MapWork() {}

    static long dungeon(Dungeon d, Common c) {
        return DUNGEON_CELL * cells(c) + LOOP_CHECK * d.loopChecks + preview(c);
    }

    static long cave(Cave cave, Cave.Spec s) {
        return caveCells(s) + CAVE_CONTACT * cave.joinContacts + CAVE_CANDIDATE * cave.joinCandidates
                + preview(s.common());
    }

    static long terrain(Terrain.Spec s) {
        return (TERRAIN_CELL + s.octaves()) * cells(s.common()) + preview(s.common());
    }

    /** The most work any map of this spec can count. */
    static long max(Object spec) {
        if (spec instanceof Terrain.Spec t) {
            return terrain(t);
        }
        if (spec instanceof Cave.Spec s) {
            // the joining search pops each cell once and looks at its 4 neighbours; each meeting is one
            // contact and at most one candidate tunnel
            long meetings = 4 * cells(s.common());
            return caveCells(s) + (CAVE_CONTACT + CAVE_CANDIDATE) * meetings + preview(s.common());
        }
        Dungeon.Spec d = (Dungeon.Spec) spec;
        Common c = d.common();
        // every BSP leaf is at least room_min + 2 on each side (or the whole map), one room per leaf
        int leaf = d.roomMin() + 2;
        long rooms = Math.max(1, (long) (c.width() / leaf) * (c.height() / leaf));
        long loops = d.loops() >= 0 ? d.loops() : Math.min(Dungeon.MAX_LOOPS, rooms / 5);
        return DUNGEON_CELL * cells(c) + LOOP_CHECK * loops * rooms + preview(c);
    }

    private static long caveCells(Cave.Spec s) {
        return (CAVE_CELL + CAVE_STEP * s.steps()) * cells(s.common());
    }

    private static long cells(Common c) {
        return (long) c.width() * c.height();
    }

    private static long preview(Common c) {
        return c.preview() ? PREVIEW_PIXEL * cells(c) * c.previewScale() * c.previewScale() : 0;
    }
}
