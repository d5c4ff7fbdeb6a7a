package io.p2c2r.executors.ai.procgen;

import java.util.ArrayDeque;
import java.util.List;

/** Test helpers over the map rows of a result, written independently of the generators. */
final class MapChecks {
    private MapChecks() {}

    static boolean isFloor(char c) {
        return c != '#';
    }

    /** Floor cells not reachable (4-connected) from the first floor cell; 0 means all connected. */
    static int unreachableFloor(List<String> rows, String wallChars) {
        int h = rows.size();
        int w = rows.get(0).length();
        boolean[][] seen = new boolean[h][w];
        int total = 0;
        int[] first = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (wallChars.indexOf(rows.get(y).charAt(x)) < 0) {
                    total++;
                    first = first == null ? new int[] {x, y} : first;
                }
            }
        }
        if (first == null) {
            return 0;
        }
        ArrayDeque<int[]> q = new ArrayDeque<>();
        q.add(first);
        seen[first[1]][first[0]] = true;
        int reached = 0;
        while (!q.isEmpty()) {
            int[] c = q.poll();
            reached++;
            int[][] next = {{c[0] + 1, c[1]}, {c[0] - 1, c[1]}, {c[0], c[1] + 1}, {c[0], c[1] - 1}};
            for (int[] n : next) {
                if (n[0] >= 0 && n[1] >= 0 && n[0] < w && n[1] < h && !seen[n[1]][n[0]]
                        && wallChars.indexOf(rows.get(n[1]).charAt(n[0])) < 0) {
                    seen[n[1]][n[0]] = true;
                    q.add(n);
                }
            }
        }
        return total - reached;
    }
}
