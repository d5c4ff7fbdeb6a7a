package io.p2c2r.executors.ai.pathfinding;

/**
 * A rectangular map of cells, blocked or open with a terrain cost (1 = open ground). Cell {@code (x, y)}
 * has index {@code y * width + x}. Built once per task and shared read-only by every search: not
 * mutated after construction, so safe to read from any thread.
 */
final class Grid {
    final int width;
    final int height;
    final boolean[] blocked;
    /** Terrain cost per cell, or null when every open cell costs 1. */
    final byte[] cost;

    private Grid(int width, int height, boolean[] blocked, byte[] cost) {
        this.width = width;
        this.height = height;
        this.blocked = blocked;
        this.cost = cost;
    }

    static Grid of(PathRequest r) {
        int w = r.width();
        boolean[] blocked = new boolean[w * r.height()];
        byte[] cost = null;
        if (r.rows() != null) {
            for (int y = 0; y < r.height(); y++) {
                String row = r.rows().get(y);
                for (int x = 0; x < w; x++) {
                    char c = row.charAt(x);
                    if (c == '#') {
                        blocked[y * w + x] = true;
                    } else if (c >= '2' && c <= '9') {
                        cost = cost != null ? cost : ones(blocked.length);
                        cost[y * w + x] = (byte) (c - '0');
                    }
                }
            }
        }
        for (int[] o : r.obstacles()) {
            blocked[o[1] * w + o[0]] = true;
        }
        for (int[] c : r.costs()) {
            if (c[2] != 1 || cost != null) {
                cost = cost != null ? cost : ones(blocked.length);
                cost[c[1] * w + c[0]] = (byte) c[2];
            }
        }
        return new Grid(w, r.height(), blocked, cost);
    }

    private static byte[] ones(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 1);
        return b;
    }

    int index(int x, int y) {
        return y * width + x;
    }

    boolean isBlocked(int x, int y) {
        return blocked[y * width + x];
    }

    /** The terrain cost of entering cell {@code i}. */
    int costOf(int i) {
        return cost == null ? 1 : cost[i];
    }

    /** How many blocked cells the straight (Bresenham) line from start to end crosses. */
    int obstaclesOnLine(int x0, int y0, int x1, int y1) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int count = 0;
        int x = x0;
        int y = y0;
        while (true) {
            if (blocked[y * width + x]) {
                count++;
            }
            if (x == x1 && y == y1) {
                return count;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }
}
