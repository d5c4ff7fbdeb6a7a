package io.p2c2r.executors.ai.procgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CaveTerrainTest {
    private final ProceduralExecutor executor = new ProceduralExecutor();

    private Map<String, Object> run(String json) {
        return executor.execute(Codec.params(json), ExecutionContext.sequential());
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(Map<String, Object> r) {
        return (List<String>) r.get("map");
    }

    @Test
    @SuppressWarnings("unchecked")
    void caves_areFullyConnectedInBothPocketModes() {
        for (String mode : new String[] {"connect", "remove"}) {
            for (int seed = 0; seed < 10; seed++) {
                String json = "{\"type\":\"cave\",\"size\":[" + (20 + 9 * seed) + ",40],\"seed\":" + seed
                        + ",\"pockets\":\"" + mode + "\"}";
                Map<String, Object> r = run(json);
                assertEquals(0, MapChecks.unreachableFloor(rows(r), "#"), json);
                Map<String, Object> stats = (Map<String, Object>) r.get("stats");
                assertTrue((int) stats.get("floor_cells") > 0, json);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void connectMode_keepsEveryPocketAndAddsOneTunnelPerExtraRegion() {
        Map<String, Object> r = run("{\"type\":\"cave\",\"size\":[120,80],\"seed\":4,\"fill\":0.5}");
        Map<String, Object> stats = (Map<String, Object>) r.get("stats");
        int regions = (int) stats.get("regions_found");
        assertTrue(regions > 1, "a dense fill leaves several pockets");
        assertEquals(regions - 1, stats.get("tunnels"), "a spanning tree over the regions");
    }

    @Test
    void caveAndTerrain_sameSeedSameBytes_differentSeedDifferentMap() {
        for (String type : new String[] {"cave", "terrain"}) {
            String a = "{\"type\":\"" + type + "\",\"size\":[64,48],\"seed\":11}";
            String b = "{\"type\":\"" + type + "\",\"size\":[64,48],\"seed\":12}";
            assertEquals(Codec.toRaw(run(a)).text(), Codec.toRaw(run(a)).text(), type);
            assertNotEquals(rows(run(a)), rows(run(b)), type);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void terrainHeights_areInRangeAndMatchTheMap() {
        Map<String, Object> r = run("{\"type\":\"terrain\",\"size\":[70,50],\"seed\":3,\"island\":true}");
        List<double[]> heights = (List<double[]>) r.get("heightmap");
        assertEquals(50, heights.size());
        double min = 1;
        double max = 0;
        for (double[] row : heights) {
            assertEquals(70, row.length);
            for (double v : row) {
                assertTrue(v >= 0 && v <= 1, "height " + v);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(0.0, min, "stretched to the full range");
        assertEquals(1.0, max);
        // below sea level (0.4 by default) is water, whatever the moisture; the heightmap is rounded to
        // three decimals, so cells within rounding of the shore are not judged
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 70; x++) {
                char c = rows(r).get(y).charAt(x);
                if (Math.abs(heights.get(y)[x] - 0.4) <= 0.0005) {
                    continue;
                }
                assertEquals(heights.get(y)[x] < 0.4, c == '~' || c == '-', "cell " + x + "," + y);
            }
        }
        Map<String, Object> biomes = (Map<String, Object>) r.get("biomes");
        assertEquals(70 * 50, biomes.values().stream().mapToInt(v -> (int) v).sum());
    }

    @Test
    void parallelRun_givesTheSameBytesAsSequential() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (String type : new String[] {"cave", "terrain"}) {
                String json = "{\"type\":\"" + type + "\",\"size\":[200,150],\"seed\":21,\"preview\":true}";
                String seq = Codec.toRaw(run(json)).text();
                String par = Codec.toRaw(executor.execute(Codec.params(json), new PoolContext(pool, 4, () -> false))).text();
                assertEquals(seq, par, type);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** docs/TASKS.md: "island" pulls the rim down into sea. Every edge cell, all four edges, any shape of map. */
    @Test
    @SuppressWarnings("unchecked")
    void terrain_island_isSeaOnAllFourEdges() {
        int[][] sizes = {{64, 64}, {97, 40}, {33, 120}, {5, 5}};
        for (int[] size : sizes) {
            for (int seed = 0; seed < 6; seed++) {
                String json = "{\"type\":\"terrain\",\"size\":[" + size[0] + "," + size[1] + "],\"seed\":" + seed
                        + ",\"island\":true,\"sea_level\":" + (0.1 + 0.15 * seed) + "}";
                Map<String, Object> r = run(json);
                List<String> rows = rows(r);
                List<double[]> heights = (List<double[]>) r.get("heightmap");
                int w = size[0];
                int h = size[1];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                            char c = rows.get(y).charAt(x);
                            assertTrue(c == '~' || c == '-', json + ": edge cell (" + x + ", " + y + ") is '" + c + "'");
                            assertEquals(0.0, heights.get(y)[x], json + ": edge cell (" + x + ", " + y + ")");
                        }
                    }
                }
            }
        }
        // and the island is land in the middle
        Map<String, Object> r = run("{\"type\":\"terrain\",\"size\":[64,64],\"seed\":3,\"island\":true}");
        assertTrue((double) ((Map<String, Object>) r.get("stats")).get("land_ratio") > 0.2, r.get("stats").toString());
    }
}
