package io.p2c2r.executors.ai.procgen;

/** Terrain classes by height above sea level and moisture, with their map character and preview colour. */
enum Biome {
    DEEP_WATER('~', 0x1F3F8C),
    SHALLOW_WATER('-', 0x3A6FC4),
    BEACH('.', 0xE3D59A),
    DESERT('d', 0xD9B86C),
    GRASSLAND('g', 0x8CBF5A),
    FOREST('f', 0x3F8A3A),
    RAINFOREST('j', 0x1E6B34),
    SHRUBLAND('s', 0xA3A86A),
    TAIGA('t', 0x5E8A6A),
    MOUNTAIN('^', 0x8A7F74),
    SNOW('*', 0xF4F6F8);

    final char symbol;
    final int color;

    Biome(char symbol, int color) {
        this.symbol = symbol;
        this.color = color;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The biome of a cell with height and moisture in [0, 1]. */
    static Biome of(double height, double moisture, double seaLevel) {
        if (height < seaLevel) {
            return height < seaLevel * 0.7 ? DEEP_WATER : SHALLOW_WATER;
        }
        double t = seaLevel >= 1 ? 0 : (height - seaLevel) / (1 - seaLevel);
        if (t < 0.04) {
            return BEACH;
        }
        if (t < 0.40) {
            return moisture < 0.25 ? DESERT : moisture < 0.55 ? GRASSLAND : moisture < 0.80 ? FOREST : RAINFOREST;
        }
        if (t < 0.68) {
            return moisture < 0.40 ? SHRUBLAND : moisture < 0.65 ? FOREST : TAIGA;
        }
        if (t < 0.86) {
            return MOUNTAIN;
        }
        return SNOW;
    }
}
