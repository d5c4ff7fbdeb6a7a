package io.p2c2r.executors.ai.pathfinding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Assertions that a returned path is a legal walk with the reported length and cost. */
final class PathChecks {
    private PathChecks() {}

    static void assertLegal(List<int[]> path, boolean[][] blocked, int[][] cost, boolean diagonal, int sx, int sy,
                            int ex, int ey, double reportedCost, double reportedDistance) {
        assertArrayEquals(new int[] {sx, sy}, path.get(0));
        assertArrayEquals(new int[] {ex, ey}, path.get(path.size() - 1));
        double length = 0;
        double total = 0;
        for (int i = 0; i < path.size(); i++) {
            int[] c = path.get(i);
            assertFalse(blocked[c[1]][c[0]], "path enters obstacle " + c[0] + "," + c[1]);
            if (i == 0) {
                continue;
            }
            int[] p = path.get(i - 1);
            int dx = c[0] - p[0];
            int dy = c[1] - p[1];
            assertTrue(Math.abs(dx) <= 1 && Math.abs(dy) <= 1 && (dx != 0 || dy != 0), "step is not to a neighbour");
            if (dx != 0 && dy != 0) {
                assertTrue(diagonal, "diagonal step on a 4-connected grid");
                assertFalse(blocked[p[1]][c[0]] || blocked[c[1]][p[0]], "corner cut at " + p[0] + "," + p[1]);
                length += Math.sqrt(2);
                total += Math.sqrt(2) * cost[c[1]][c[0]];
            } else {
                length += 1;
                total += cost[c[1]][c[0]];
            }
        }
        assertEquals(length, reportedDistance, 1e-9);
        assertEquals(total, reportedCost, 1e-9);
    }
}
