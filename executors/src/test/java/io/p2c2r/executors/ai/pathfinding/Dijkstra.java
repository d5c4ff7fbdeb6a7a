package io.p2c2r.executors.ai.pathfinding;

import java.util.Arrays;
import java.util.PriorityQueue;

/** A plain Dijkstra over the same movement rules, written independently of {@link AStar}, as the test oracle. */
final class Dijkstra {
    private Dijkstra() {}

    /** The optimal cost from start to end, or +infinity when unreachable. */
    static double cost(boolean[][] blocked, int[][] cost, boolean diagonal, int sx, int sy, int ex, int ey) {
        int h = blocked.length;
        int w = blocked[0].length;
        if (blocked[sy][sx] || blocked[ey][ex]) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] dist = new double[h][w];
        for (double[] row : dist) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        dist[sy][sx] = 0;
        PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        q.add(new double[] {0, sx, sy});
        while (!q.isEmpty()) {
            double[] top = q.poll();
            int x = (int) top[1];
            int y = (int) top[2];
            if (top[0] > dist[y][x]) {
                continue;
            }
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    boolean diag = dx != 0 && dy != 0;
                    if ((dx == 0 && dy == 0) || (diag && !diagonal)) {
                        continue;
                    }
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h || blocked[ny][nx]) {
                        continue;
                    }
                    if (diag && (blocked[y][nx] || blocked[ny][x])) {
                        continue;
                    }
                    double nd = top[0] + (diag ? Math.sqrt(2) : 1) * cost[ny][nx];
                    if (nd < dist[ny][nx]) {
                        dist[ny][nx] = nd;
                        q.add(new double[] {nd, nx, ny});
                    }
                }
            }
        }
        return dist[ey][ex];
    }
}
