package io.p2c2r.executors.ai.procgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DungeonTest {
    private final ProceduralExecutor executor = new ProceduralExecutor();

    private Map<String, Object> run(String json) {
        return executor.execute(Codec.params(json), ExecutionContext.sequential());
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(Map<String, Object> r) {
        return (List<String>) r.get("map");
    }

    @Test
    void seedExample_givesASmallValidDungeon() {
        Map<String, Object> r = run(TaskType.AI_PROCEDURAL.seedData());
        List<String> map = rows(r);
        assertEquals(8, map.size());
        map.forEach(row -> assertEquals(8, row.length()));
        assertEquals(0, MapChecks.unreachableFloor(map, "#"));
        assertTrue(String.join("", map).contains("<") && String.join("", map).contains(">"));
        assertEquals("########", map.get(0), "the border is wall");
    }

    @Test
    void sameSeed_givesTheSameBytes() {
        String json = "{\"type\":\"dungeon\",\"size\":[90,70],\"seed\":5,\"preview\":true}";
        assertEquals(Codec.toRaw(run(json)).text(), Codec.toRaw(run(json)).text());
    }

    @Test
    void differentSeeds_giveDifferentMaps() {
        assertNotEquals(rows(run("{\"size\":[64,64],\"seed\":1}")), rows(run("{\"size\":[64,64],\"seed\":2}")));
        assertNotEquals(rows(run("{\"size\":[8,8],\"seed\":1}")), rows(run("{\"size\":[8,8],\"seed\":42}")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void manySizesAndSeeds_areConnectedWithDisjointRoomsInsideTheWalls() {
        int[][] sizes = {{5, 5}, {8, 8}, {9, 31}, {40, 12}, {64, 64}, {150, 90}};
        for (int[] s : sizes) {
            for (int seed = 0; seed < 12; seed++) {
                String json = "{\"size\":[" + s[0] + "," + s[1] + "],\"seed\":" + seed + "}";
                Map<String, Object> r = run(json);
                List<String> map = rows(r);
                assertEquals(0, MapChecks.unreachableFloor(map, "#"), json);
                List<Map<String, Object>> rooms = (List<Map<String, Object>>) r.get("rooms");
                assertFalse(rooms.isEmpty(), json);
                for (int i = 0; i < rooms.size(); i++) {
                    Room a = room(rooms.get(i));
                    assertTrue(a.x() >= 1 && a.y() >= 1 && a.x() + a.width() <= s[0] - 1
                            && a.y() + a.height() <= s[1] - 1, json + " room " + a + " is inside the border");
                    for (int y = a.y(); y < a.y() + a.height(); y++) {
                        for (int x = a.x(); x < a.x() + a.width(); x++) {
                            assertTrue(MapChecks.isFloor(map.get(y).charAt(x)), json + " room cell " + x + "," + y);
                        }
                    }
                    for (int j = i + 1; j < rooms.size(); j++) {
                        assertFalse(a.touches(room(rooms.get(j))), json + " rooms " + i + " and " + j + " overlap");
                    }
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void stairs_areOnFloorAndAsFarApartAsReported() {
        Map<String, Object> r = run("{\"size\":[48,32],\"seed\":9}");
        Map<String, Object> stairs = (Map<String, Object>) r.get("stairs");
        int[] up = (int[]) stairs.get("up");
        int[] down = (int[]) stairs.get("down");
        assertEquals('<', rows(r).get(up[1]).charAt(up[0]));
        assertEquals('>', rows(r).get(down[1]).charAt(down[0]));
        Map<String, Object> stats = (Map<String, Object>) r.get("stats");
        assertTrue((int) stats.get("stairs_distance") >= Math.abs(up[0] - down[0]) + Math.abs(up[1] - down[1]));
    }

    private static Room room(Map<String, Object> m) {
        return new Room((int) m.get("x"), (int) m.get("y"), (int) m.get("width"), (int) m.get("height"));
    }
}
