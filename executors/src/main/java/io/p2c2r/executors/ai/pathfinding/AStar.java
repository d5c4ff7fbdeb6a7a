package io.p2c2r.executors.ai.pathfinding;

import io.p2c2r.executors.ExecutionContext;

/**
 * Array-based A* over a {@link Grid}: 8-connected with the octile heuristic (or 4-connected with the
 * Manhattan one), no corner cutting, moves costing their length times the terrain cost of the cell
 * entered. Both heuristics are consistent because every terrain cost is at least 1, so a cell is closed
 * once and the first path to reach the goal is optimal.
 *
 * <p>Search state lives in 32 x 32 tiles allocated when a search first touches them, so a short search
 * on a huge map costs a few tiles rather than megabytes, and a search stamp marks which entries are
 * current, so one instance serves a whole batch of agents without clearing. It belongs to one thread at
 * a time.
 */
final class AStar {
    static final double SQRT2 = Math.sqrt(2);
    private static final int[] DX = {1, 0, -1, 0, 1, -1, -1, 1};
    private static final int[] DY = {0, 1, 0, -1, 1, 1, -1, -1};
    private static final int SHIFT = 5;
    private static final int MASK = (1 << SHIFT) - 1;
    private static final int TILE = 1 << (2 * SHIFT);

    private final Grid grid;
    private final boolean diagonal;
    private final int tilesX;
    private final double[][] g;
    /** The direction index of the move that reached each cell, to walk the path back. */
    private final byte[][] via;
    /** {@code 2 * search} when a cell has been reached in this search, {@code 2 * search + 1} once closed. */
    private final int[][] mark;
    private final OpenList open = new OpenList();
    private int search;

    AStar(Grid grid, boolean diagonal) {
        this.grid = grid;
        this.diagonal = diagonal;
        this.tilesX = (grid.width + MASK) >> SHIFT;
        int tiles = tilesX * ((grid.height + MASK) >> SHIFT);
        this.g = new double[tiles][];
        this.via = new byte[tiles][];
        this.mark = new int[tiles][];
    }

    PathResult find(int sx, int sy, int ex, int ey, ExecutionContext ctx) {
        int w = grid.width;
        int h = grid.height;
        boolean[] blocked = grid.blocked;
        byte[] cost = grid.cost;
        int goal = ey * w + ex;
        if (blocked[sy * w + sx] || blocked[goal]) {
            return PathResult.notFound(0);
        }
        search++;
        int reached = 2 * search;
        int closed = reached + 1;
        int directions = diagonal ? 8 : 4;
        open.clear();
        int st = tileOf(sx, sy);
        int so = offsetOf(sx, sy);
        if (mark[st] == null) {
            allocate(st);
        }
        g[st][so] = 0;
        via[st][so] = -1;
        mark[st][so] = reached;
        open.push(sy * w + sx, heuristic(sx, sy, ex, ey), 0);
        int expanded = 0;
        while (!open.isEmpty()) {
            int cur = open.pop();
            int cx = cur % w;
            int cy = cur / w;
            int[] curMark = mark[tileOf(cx, cy)];
            int co = offsetOf(cx, cy);
            if (curMark[co] == closed) {
                continue; // a stale duplicate: the cell was reached more cheaply and already expanded
            }
            curMark[co] = closed;
            expanded++;
            if ((expanded & 0xFFF) == 0) {
                ctx.checkCancelled();
            }
            if (cur == goal) {
                return PathResult.of(trace(ex, ey), w, g[tileOf(cx, cy)][co], expanded);
            }
            double gc = g[tileOf(cx, cy)][co];
            for (int d = 0; d < directions; d++) {
                int nx = cx + DX[d];
                int ny = cy + DY[d];
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    continue;
                }
                int n = ny * w + nx;
                if (blocked[n]) {
                    continue;
                }
                if (d >= 4 && (blocked[cy * w + nx] || blocked[ny * w + cx])) {
                    continue; // no corner cutting: both orthogonal neighbours must be open
                }
                int t = tileOf(nx, ny);
                int o = offsetOf(nx, ny);
                int[] tm = mark[t];
                if (tm == null) {
                    tm = allocate(t);
                }
                if (tm[o] == closed) {
                    continue;
                }
                double step = d >= 4 ? SQRT2 : 1.0;
                double ng = gc + (cost == null ? step : step * cost[n]);
                double[] tg = g[t];
                if (tm[o] != reached || ng < tg[o]) {
                    tg[o] = ng;
                    via[t][o] = (byte) d;
                    tm[o] = reached;
                    open.push(n, ng + heuristic(nx, ny, ex, ey), ng);
                }
            }
        }
        return PathResult.notFound(expanded);
    }

    private int tileOf(int x, int y) {
        return (y >> SHIFT) * tilesX + (x >> SHIFT);
    }

    private static int offsetOf(int x, int y) {
        return ((y & MASK) << SHIFT) | (x & MASK);
    }

    private int[] allocate(int t) {
        g[t] = new double[TILE];
        via[t] = new byte[TILE];
        mark[t] = new int[TILE];
        return mark[t];
    }

    private double heuristic(int x, int y, int ex, int ey) {
        int dx = Math.abs(x - ex);
        int dy = Math.abs(y - ey);
        if (!diagonal) {
            return dx + dy;
        }
        return dx + dy + (SQRT2 - 2) * Math.min(dx, dy);
    }

    /** Walks the recorded moves back from the goal; returns cell indices from start to goal. */
    private int[] trace(int ex, int ey) {
        int length = 1;
        for (int x = ex, y = ey, d; (d = via[tileOf(x, y)][offsetOf(x, y)]) >= 0; length++) {
            x -= DX[d];
            y -= DY[d];
        }
        int[] cells = new int[length];
        int x = ex;
        int y = ey;
        for (int i = length - 1; i >= 0; i--) {
            cells[i] = y * grid.width + x;
            int d = via[tileOf(x, y)][offsetOf(x, y)];
            if (d >= 0) {
                x -= DX[d];
                y -= DY[d];
            }
        }
        return cells;
    }
}
