package io.p2c2r.executors.raytrace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A render cut into bands and merged again is byte for byte the whole render: the claim split rendering rests on
 * (every pixel has its own random stream, seeded by its place in the full frame).
 */
class TileMergeTest {
    private static RawJson render(TaskExecutor ex, Map<String, Object> data) {
        return Codec.toRaw(ex.execute(Codec.params(Codec.toRaw(data)), ExecutionContext.sequential()));
    }

    private static Map<String, Object> data(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Codec.tree(new RawJson(json));
        return new LinkedHashMap<>(m);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rt_global_illumination|{\"resolution\":[48,37],\"samples_per_pixel\":3,\"bounces\":3,\"seed\":7}|5",
            "rt_reflections|{\"resolution\":[64,36],\"bounces\":3}|4",
            "rt_shadows|{\"resolution\":[40,31],\"quality\":\"high\",\"lights\":2}|7",
            "rt_global_illumination|{\"resolution\":[60,40],\"samples_per_pixel\":2,\"tile\":[10,5,50,33]}|3",
            "rt_reflections|{\"resolution\":[16,3]}|8"})
    void mergedTiles_areByteForByteTheWholeRender(String type, String json, int n) {
        TaskExecutor ex = ExecutorRegistry.builtIn().find(TaskType.fromWire(type).orElseThrow()).orElseThrow();
        Map<String, Object> whole = data(json);
        int[] region = Tiles.region(ex, Codec.params(Codec.toRaw(whole)));
        List<int[]> rects = Tiles.bands(region, n);
        List<RawJson> tiles = new ArrayList<>();
        for (int[] r : rects) {
            Map<String, Object> tile = new LinkedHashMap<>(whole);
            tile.put("tile", List.of(r[0], r[1], r[2], r[3]));
            tiles.add(render(ex, tile));
        }
        RawJson merged = Codec.toRaw(TileMerge.merge(region, rects, tiles));
        RawJson expected = render(ex, whole);
        assertEquals(expected.text(), merged.text());
        assertEquals(Codec.canonicalSha256(expected), Codec.canonicalSha256(merged));
    }

    @Test
    void bands_coverTheRegion_inRowsThatDifferByAtMostOne() {
        List<int[]> bands = Tiles.bands(new int[] {2, 10, 30, 27}, 5);
        assertEquals(5, bands.size());
        int y = 10;
        for (int[] b : bands) {
            assertEquals(2, b[0]);
            assertEquals(30, b[2]);
            assertEquals(y, b[1]);
            int h = b[3] - b[1];
            assertTrue(h == 3 || h == 4, "height " + h);
            y = b[3];
        }
        assertEquals(27, y);
        assertEquals(3, Tiles.bands(new int[] {0, 0, 8, 3}, 10).size(), "no empty band when rows < tiles");
        assertArrayEquals(new int[] {0, 0, 8, 3}, Tiles.bands(new int[] {0, 0, 8, 3}, 1).get(0));
        assertThrows(IllegalArgumentException.class, () -> Tiles.bands(new int[] {0, 0, 8, 8}, Tiles.MAX_TILES + 1));
    }

    @Test
    void merge_refusesATileWhosePixelsDoNotMatchItsDigest() {
        TaskExecutor ex = ExecutorRegistry.builtIn().find(TaskType.RT_REFLECTIONS).orElseThrow();
        Map<String, Object> whole = data("{\"resolution\":[20,10]}");
        int[] region = {0, 0, 20, 10};
        List<int[]> rects = Tiles.bands(region, 2);
        List<RawJson> tiles = new ArrayList<>();
        for (int[] r : rects) {
            Map<String, Object> tile = new LinkedHashMap<>(whole);
            tile.put("tile", List.of(r[0], r[1], r[2], r[3]));
            tiles.add(render(ex, tile));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> lie = (Map<String, Object>) Codec.tree(tiles.get(1));
        lie.put("rgb_sha256", "0".repeat(64));
        tiles.set(1, Codec.toRaw(lie));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TileMerge.merge(region, rects, tiles));
        assertTrue(e.getMessage().contains("tile 1") && e.getMessage().contains("rgb_sha256"), e.getMessage());
    }
}
