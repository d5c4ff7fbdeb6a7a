package io.p2c2r.executors.ai.procgen;

import io.p2c2r.common.task.Params;
import io.p2c2r.executors.ExecutionContext;

/**
 * A heightmap from fractal Brownian motion over Perlin noise, optionally pulled down at the edges into
 * an island, stretched to [0, 1]; a second, broader noise field gives moisture, and the two choose each
 * cell's {@link Biome}. One instance per run; rows are computed in parallel, each writing only its own.
 */
final class Terrain {
    /** The terrain's own fields. Immutable. */
    record Spec(Common common, int octaves, double scale, double persistence, double lacunarity, double seaLevel,
                boolean island, boolean heightmap) {
        static Spec parse(Params p) {
            Common c = Common.parse(p, "terrain", "octaves", "scale", "persistence", "lacunarity", "sea_level",
                    "island", "heightmap");
            int octaves = p.intValue("octaves", 5, 1, 10);
            double scale = p.doubleValue("scale", Math.max(8, Math.max(c.width(), c.height()) / 3.0), 1, 4096);
            double persistence = p.doubleValue("persistence", 0.5, 0.1, 0.9);
            double lacunarity = p.doubleValue("lacunarity", 2.0, 1.5, 3.0);
            double sea = p.doubleValue("sea_level", 0.4, 0, 1);
            return new Spec(c, octaves, scale, persistence, lacunarity, sea, p.bool("island", false),
                    p.bool("heightmap", true));
        }
    }

    final double[] height;
    final double[] moisture;
    final CharMap map;

    private Terrain(double[] height, double[] moisture, CharMap map) {
        this.height = height;
        this.moisture = moisture;
        this.map = map;
    }

    static Terrain generate(Spec spec, ExecutionContext ctx) {
        int w = spec.common().width();
        int h = spec.common().height();
        PerlinNoise heightNoise = new PerlinNoise(spec.common().seed());
        PerlinNoise moistureNoise = new PerlinNoise(spec.common().seed() ^ 0x5DEECE66DL);
        double[] height = new double[w * h];
        double[] moisture = new double[w * h];
        double f = 1 / spec.scale();
        ctx.parallelFor(h, y -> {
            ctx.checkCancelled();
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double v = heightNoise.fbm(x * f, y * f, spec.octaves(), spec.lacunarity(), spec.persistence());
                if (spec.island()) {
                    v = island(v, x, y, w, h);
                }
                height[i] = v;
                moisture[i] = moistureNoise.fbm(x * f * 0.5, y * f * 0.5, 3, 2.0, 0.5);
            }
        });
        stretch(height);
        stretch(moisture);
        CharMap map = new CharMap(w, h, ' ');
        for (int i = 0; i < height.length; i++) {
            map.cells[i] = Biome.of(height[i], moisture[i], spec.seaLevel()).symbol;
        }
        return new Terrain(height, moisture, map);
    }

    /**
     * Pulls a height in [-1, 1] down towards -1 by the distance from the centre, reaching -1 on every edge cell:
     * the rim, the lowest ground of the map, is then stretched to 0 and so is sea at any {@code sea_level} above 0.
     * The distance is measured to the inscribed ellipse (1 at the middle of each edge), so the island is round.
     */
    static double island(double v, int x, int y, int w, int h) {
        double nx = 2.0 * x / (w - 1) - 1;
        double ny = 2.0 * y / (h - 1) - 1;
        double d = Math.min(1, Math.sqrt(nx * nx + ny * ny));
        return (Math.max(-1, v) + 1) * (1 - d * d) - 1; // lift the middle, sink the rim
    }

    /** Maps the values linearly onto [0, 1] (all 0.5 if they are all equal). */
    private static void stretch(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double range = max - min;
        for (int i = 0; i < v.length; i++) {
            v[i] = range > 0 ? Math.min(1, Math.max(0, (v[i] - min) / range)) : 0.5;
        }
    }
}
