package io.p2c2r.executors.ai.pathfinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathfindingExecutorTest {
    private final PathfindingExecutor executor = new PathfindingExecutor();

    private Map<String, Object> run(String json) {
        return executor.execute(Codec.params(json), ExecutionContext.sequential());
    }

    @SuppressWarnings("unchecked")
    private static List<int[]> path(Map<String, Object> result) {
        return (List<int[]>) result.get("path");
    }

    @Test
    void seedExample_goesAroundTheObstacleOptimally() {
        Map<String, Object> r = run(TaskType.AI_PATHFINDING.seedData());
        List<int[]> path = path(r);
        assertEquals(true, r.get("found"));
        assertEquals("[0, 0]", java.util.Arrays.toString(path.get(0)));
        assertEquals("[5, 5]", java.util.Arrays.toString(path.get(path.size() - 1)));
        assertTrue(path.stream().noneMatch(c -> c[0] == 2 && c[1] == 2), "the path must avoid [2,2]");
        // The grid is sized to fit the points (6 x 6). The diagonals next to [2,2] (x - y = +-1) would cut
        // its corners, so the path must move two diagonals off, trading two diagonal steps for four
        // straight ones: 3 * sqrt(2) + 4.
        assertEquals(3 * Math.sqrt(2) + 4, (double) r.get("distance"), 1e-9);
        assertEquals(1, r.get("obstacles_avoided"));
        assertEquals(6, r.get("width"));
        assertEquals(6, r.get("height"));
    }

    @Test
    void randomGrids_distanceEqualsDijkstraAndPathIsLegal() {
        SplittableRandom rnd = new SplittableRandom(7);
        int found = 0;
        for (int trial = 0; trial < 300; trial++) {
            int span = trial % 3 == 0 ? 80 : 30; // beyond 32 the search state spans several tiles
            int w = 1 + rnd.nextInt(span);
            int h = 1 + rnd.nextInt(span);
            double density = rnd.nextDouble() * 0.45;
            boolean weighted = rnd.nextInt(3) == 0;
            boolean diagonal = rnd.nextInt(4) != 0;
            boolean[][] blocked = new boolean[h][w];
            int[][] cost = new int[h][w];
            StringBuilder rows = new StringBuilder();
            for (int y = 0; y < h; y++) {
                rows.append(y == 0 ? "\"" : ",\"");
                for (int x = 0; x < w; x++) {
                    blocked[y][x] = rnd.nextDouble() < density;
                    cost[y][x] = weighted ? 1 + rnd.nextInt(9) : 1;
                    rows.append(blocked[y][x] ? '#' : (char) ('0' + cost[y][x]));
                }
                rows.append('"');
            }
            int sx = rnd.nextInt(w);
            int sy = rnd.nextInt(h);
            int ex = rnd.nextInt(w);
            int ey = rnd.nextInt(h);
            String json = "{\"grid\":[" + rows + "],\"start\":[" + sx + "," + sy + "],\"end\":[" + ex + "," + ey
                    + "],\"diagonal\":" + diagonal + "}";
            Map<String, Object> r = run(json);
            double best = Dijkstra.cost(blocked, cost, diagonal, sx, sy, ex, ey);
            if (Double.isInfinite(best)) {
                assertEquals(false, r.get("found"), json);
                assertTrue(path(r).isEmpty(), json);
                continue;
            }
            found++;
            assertEquals(true, r.get("found"), json);
            assertEquals(best, (double) r.get("cost"), 1e-9, json);
            PathChecks.assertLegal(path(r), blocked, cost, diagonal, sx, sy, ex, ey, (double) r.get("cost"),
                    (double) r.get("distance"));
        }
        assertTrue(found > 150, "most random grids should have a path; found " + found);
    }

    @Test
    void walledOffGoal_isNotFound() {
        Map<String, Object> r = run("{\"grid\":[\"..#..\",\"..#..\",\"..#..\"],\"start\":[0,0],\"end\":[4,2]}");
        assertEquals(false, r.get("found"));
        assertTrue(path(r).isEmpty());
        assertEquals(0.0, r.get("distance"));
        assertEquals(6, r.get("nodes_expanded"), "all six open cells left of the wall are expanded before giving up");
    }

    @Test
    void diagonalGapBetweenTwoObstacles_isNotSqueezedThrough() {
        // Only a diagonal step from [0,0] to [1,1] would pass, and it cuts both blocked corners.
        Map<String, Object> r = run("{\"grid\":[\".#\",\"#.\"],\"start\":[0,0],\"end\":[1,1]}");
        assertEquals(false, r.get("found"));
    }

    @Test
    void goalOnObstacle_isNotFound() {
        Map<String, Object> r = run("{\"width\":4,\"height\":4,\"start\":[0,0],\"end\":[3,3],\"obstacles\":[[3,3]]}");
        assertEquals(false, r.get("found"));
        assertEquals(0, r.get("nodes_expanded"));
    }

    @Test
    void startEqualsEnd_isAOneCellPath() {
        Map<String, Object> r = run("{\"width\":3,\"height\":3,\"start\":[1,1],\"end\":[1,1]}");
        assertEquals(true, r.get("found"));
        assertEquals(1, path(r).size());
        assertEquals(0.0, r.get("distance"));
    }

    @Test
    void openMap_cornerToCorner_expandsOnlyTheDiagonal() {
        Map<String, Object> r = run("{\"width\":1024,\"height\":1024,\"start\":[0,0],\"end\":[1023,1023]}");
        assertEquals(1023 * Math.sqrt(2), (double) r.get("distance"), 1e-9);
        assertEquals(1024, path(r).size());
        assertEquals(1024, r.get("nodes_expanded"), "tie-breaking toward the goal keeps A* on the diagonal");
    }

    @Test
    void waypointFormat_keepsOnlyTurns() {
        Map<String, Object> r = run("{\"width\":10,\"height\":3,\"start\":[0,0],\"end\":[9,0],\"path_format\":\"waypoints\"}");
        assertEquals(2, path(r).size());
        assertEquals(9.0, r.get("distance"));
    }

    @Test
    void terrainCost_makesThePathGoAroundExpensiveCells() {
        // A swamp (cost 9) across the middle row except at the right edge.
        Map<String, Object> r = run("{\"grid\":[\".....\",\"9999.\",\".....\"],\"start\":[0,0],\"end\":[0,2]}");
        assertTrue(path(r).stream().noneMatch(c -> c[1] == 1 && c[0] < 4));
        Map<String, Object> cheap = run("{\"grid\":[\".....\",\"2222.\",\".....\"],\"start\":[0,0],\"end\":[0,2]}");
        assertEquals(3.0, cheap.get("cost"), "cost 2 to enter the middle cell, then 1 to leave it");
    }
}
