package io.p2c2r.executors.ai.procgen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns generated maps into JSON-ready results. Stateless. */
final class MapResults {
    /** Most regions listed for a cave; the count in the stats is always complete. */
    static final int MAX_LISTED_REGIONS = 256;

    private MapResults() {}

    static Map<String, Object> dungeon(Dungeon d, Common c) {
        CharMap map = d.map;
        Room first = d.rooms.get(0);
        int up = first.centerY() * map.width + first.centerX();
        int[] dist = Walk.distances(map, up);
        int down = up;
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] > dist[down]) {
                down = i; // the farthest walk from the up stairs, the earliest cell on ties
            }
        }
        int floor = map.floorCells();
        map.cells[up] = '<';
        map.cells[down] = '>';
        Map<String, Object> out = head(c, map);
        out.put("legend", legend('#', "wall", '.', "floor", '<', "stairs_up", '>', "stairs_down"));
        List<Object> rooms = new ArrayList<>();
        d.rooms.forEach(r -> rooms.add(r.toJson()));
        out.put("rooms", rooms);
        Map<String, Object> stairs = new LinkedHashMap<>();
        stairs.put("up", new int[] {up % map.width, up / map.width});
        stairs.put("down", new int[] {down % map.width, down / map.width});
        out.put("stairs", stairs);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rooms", d.rooms.size());
        stats.put("corridors", d.corridors);
        stats.put("loops", d.loops);
        stats.put("floor_cells", floor);
        stats.put("corridor_cells", d.corridorCells);
        stats.put("floor_ratio", round((double) floor / map.cells.length));
        stats.put("stairs_distance", dist[down]);
        out.put("stats", stats);
        preview(out, c, map, colors('#', 0x2B2B35, '.', 0xC8BFA8, '<', 0x3DBE5A, '>', 0xD04A3A));
        return out;
    }

    static Map<String, Object> cave(Cave cave, Common c) {
        Map<String, Object> out = head(c, cave.map);
        out.put("legend", legend('#', "wall", '.', "floor"));
        Regions r = cave.before;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < r.count(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -r.sizes[i]).thenComparingInt(i -> i));
        List<Object> regions = new ArrayList<>();
        for (int i : order.subList(0, Math.min(MAX_LISTED_REGIONS, order.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cells", r.sizes[i]);
            m.put("first", new int[] {r.firstCell[i] % c.width(), r.firstCell[i] / c.width()});
            regions.add(m);
        }
        out.put("regions", regions);
        int floor = cave.map.floorCells();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("regions_found", r.count());
        stats.put("tunnels", cave.tunnels);
        stats.put("tunnel_cells", cave.tunnelCells);
        stats.put("removed_cells", cave.removedCells);
        stats.put("floor_cells", floor);
        stats.put("floor_ratio", round((double) floor / cave.map.cells.length));
        out.put("stats", stats);
        preview(out, c, cave.map, colors('#', 0x3A3025, '.', 0xB9A78A));
        return out;
    }

    static Map<String, Object> terrain(Terrain t, Terrain.Spec spec) {
        Common c = spec.common();
        Map<String, Object> out = head(c, t.map);
        Map<String, Object> legend = new LinkedHashMap<>();
        Map<Character, Integer> colors = new LinkedHashMap<>();
        Map<String, Object> biomes = new LinkedHashMap<>();
        int[] counts = new int[Biome.values().length];
        int land = 0;
        double sum = 0;
        for (int i = 0; i < t.height.length; i++) {
            Biome b = Biome.of(t.height[i], t.moisture[i], spec.seaLevel());
            counts[b.ordinal()]++;
            land += t.height[i] >= spec.seaLevel() ? 1 : 0;
            sum += t.height[i];
        }
        for (Biome b : Biome.values()) {
            legend.put(String.valueOf(b.symbol), b.label());
            colors.put(b.symbol, b.color);
            biomes.put(b.label(), counts[b.ordinal()]);
        }
        out.put("legend", legend);
        out.put("biomes", biomes);
        if (spec.heightmap()) {
            List<double[]> rows = new ArrayList<>(c.height());
            for (int y = 0; y < c.height(); y++) {
                double[] row = new double[c.width()];
                for (int x = 0; x < row.length; x++) {
                    row[x] = round(t.height[y * c.width() + x]);
                }
                rows.add(row);
            }
            out.put("heightmap", rows);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("mean_height", round(sum / t.height.length));
        stats.put("land_ratio", round((double) land / t.height.length));
        stats.put("sea_level", spec.seaLevel());
        out.put("stats", stats);
        preview(out, c, t.map, colors);
        return out;
    }

    private static Map<String, Object> head(Common c, CharMap map) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", c.type());
        out.put("width", c.width());
        out.put("height", c.height());
        out.put("seed", c.seed());
        out.put("map", map.rows());
        return out;
    }

    private static Map<String, Object> legend(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return m;
    }

    private static Map<Character, Integer> colors(Object... pairs) {
        Map<Character, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Character) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    private static void preview(Map<String, Object> out, Common c, CharMap map, Map<Character, Integer> colors) {
        if (c.preview()) {
            out.put("preview_scale", c.previewScale());
            out.put("png", Preview.base64(map, c.previewScale(), colors));
        }
    }

    /** Three decimals: enough for a map, and a third of the JSON of full doubles. */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
