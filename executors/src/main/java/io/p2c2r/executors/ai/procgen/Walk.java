package io.p2c2r.executors.ai.procgen;

import java.util.Arrays;

/** Breadth-first walking distances over floor cells (4-connected). Stateless. */
final class Walk {
    private Walk() {}

    /** Steps from {@code start} to every cell, -1 for walls and unreachable cells. */
    static int[] distances(CharMap map, int start) {
        int w = map.width;
        int n = map.cells.length;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int tail = 0;
        dist[start] = 0;
        queue[tail++] = start;
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            int x = c % w;
            int[] next = {x > 0 ? c - 1 : -1, x < w - 1 ? c + 1 : -1, c - w, c + w};
            for (int nb : next) {
                if (nb >= 0 && nb < n && dist[nb] == -1 && map.isFloor(nb)) {
                    dist[nb] = dist[c] + 1;
                    queue[tail++] = nb;
                }
            }
        }
        return dist;
    }
}
