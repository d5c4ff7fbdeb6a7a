package io.p2c2r.coordinator.core;

import io.p2c2r.executors.raytrace.Tiles;

/**
 * When the coordinator cuts a render into tiles by itself, and how much split work it holds at once.
 * {@code autoAboveUnits}: a render whose work bound ({@code maxWorkUnits}) exceeds this is split without being
 * asked (0: never); {@code unitsPerTile}: the work bound each automatic tile aims at; {@code maxPixelsInFlight}:
 * the pixels of all split renders whose tiles are open or being merged, which bounds the tile results the
 * coordinator holds (a tile's result is at most about 4 bytes a pixel). Immutable.
 */
public record SplitRules(long autoAboveUnits, long unitsPerTile, long maxPixelsInFlight) {
    public SplitRules {
        if (autoAboveUnits < 0) {
            throw new IllegalArgumentException("auto split threshold " + autoAboveUnits + " must be 0 (off) or positive");
        }
        if (unitsPerTile < 1_000_000) {
            throw new IllegalArgumentException("work units per tile " + unitsPerTile + " must be at least 1000000");
        }
        if (maxPixelsInFlight < 1 << 20 || maxPixelsInFlight > 1L << 32) {
            throw new IllegalArgumentException("split pixels in flight " + maxPixelsInFlight + " is out of range [1048576, 4294967296]");
        }
    }

    /**
     * Defaults: renders bounded above 120 million ray-equivalents (about 10 s on one 2-core peer) are split into
     * tiles of about 30 million, at most {@value Tiles#MAX_TILES}; 16 Mi pixels (eight 1080p frames) in flight.
     */
    public static SplitRules defaults() {
        return new SplitRules(120_000_000L, 30_000_000L, 16L << 20);
    }

    /** How many tiles a render bounded by {@code maxWorkUnits} is cut into when the gamer did not say: 1 means whole. */
    int autoTiles(long maxWorkUnits) {
        if (autoAboveUnits == 0 || maxWorkUnits <= autoAboveUnits) {
            return 1;
        }
        return (int) Math.min(Tiles.MAX_TILES, (maxWorkUnits + unitsPerTile - 1) / unitsPerTile);
    }
}
