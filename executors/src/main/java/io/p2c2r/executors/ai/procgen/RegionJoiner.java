package io.p2c2r.executors.ai.procgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins all floor regions with the shortest tunnels: a breadth-first search grown from every region at
 * once claims each inner cell for its nearest region; where two claims meet, a tunnel between those
 * regions is possible at the sum of both distances; Kruskal's algorithm then keeps a minimum spanning
 * tree of those tunnels, which are carved back along the search's parent links. Linear in the cells plus
 * the sort of the candidate tunnels. One run per instance; not thread-safe.
 */
final class RegionJoiner {
    int tunnels;
    int tunnelCells;
    /** Places where two regions' searches met (each a candidate-tunnel update), and candidate tunnels sorted. */
    long contacts;
    int candidates;

    private record Edge(int length, int a, int b, int cellA, int cellB) {
    }

    static RegionJoiner join(CharMap map, Regions regions) {
        RegionJoiner j = new RegionJoiner();
        if (regions.count() > 1) {
            j.run(map, regions);
        }
        return j;
    }

    private void run(CharMap map, Regions regions) {
        int w = map.width;
        int h = map.height;
        int n = map.cells.length;
        int[] owner = regions.label.clone();
        int[] dist = new int[n];
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (owner[i] >= 0) {
                queue[tail++] = i;
            }
        }
        Map<Long, Edge> best = new HashMap<>();
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            int x = c % w;
            int y = c / w;
            int[] next = {x > 1 ? c - 1 : -1, x < w - 2 ? c + 1 : -1, y > 1 ? c - w : -1, y < h - 2 ? c + w : -1};
            for (int nb : next) {
                if (nb < 0) {
                    continue;
                }
                if (owner[nb] == -1) {
                    owner[nb] = owner[c];
                    dist[nb] = dist[c] + 1;
                    parent[nb] = c;
                    queue[tail++] = nb;
                } else if (owner[nb] != owner[c]) {
                    int a = Math.min(owner[c], owner[nb]);
                    int b = Math.max(owner[c], owner[nb]);
                    int cellA = owner[c] == a ? c : nb;
                    int cellB = owner[c] == a ? nb : c;
                    contacts++;
                    Edge e = new Edge(dist[c] + dist[nb], a, b, cellA, cellB);
                    best.merge(((long) a << 32) | b, e, RegionJoiner::shorter);
                }
            }
        }
        List<Edge> edges = new ArrayList<>(best.values());
        candidates = edges.size();
        edges.sort((p, q) -> p.length != q.length ? Integer.compare(p.length, q.length)
                : p.a != q.a ? Integer.compare(p.a, q.a) : Integer.compare(p.b, q.b));
        int[] set = new int[regions.count()];
        for (int i = 0; i < set.length; i++) {
            set[i] = i;
        }
        for (Edge e : edges) {
            int ra = find(set, e.a);
            int rb = find(set, e.b);
            if (ra == rb) {
                continue;
            }
            set[ra] = rb;
            tunnels++;
            carveBack(map, parent, e.cellA);
            carveBack(map, parent, e.cellB);
        }
    }

    /** Of two candidate tunnels between the same regions, the shorter, then the one with earlier cells. */
    private static Edge shorter(Edge p, Edge q) {
        if (p.length != q.length) {
            return p.length < q.length ? p : q;
        }
        return p.cellA < q.cellA || (p.cellA == q.cellA && p.cellB <= q.cellB) ? p : q;
    }

    private void carveBack(CharMap map, int[] parent, int cell) {
        for (int c = cell; c != -1; c = parent[c]) {
            if (map.cells[c] == CharMap.WALL) {
                map.cells[c] = CharMap.FLOOR;
                tunnelCells++;
            }
        }
    }

    private static int find(int[] set, int i) {
        while (set[i] != i) {
            set[i] = set[set[i]];
            i = set[i];
        }
        return set[i];
    }
}
