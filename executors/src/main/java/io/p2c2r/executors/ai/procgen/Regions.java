package io.p2c2r.executors.ai.procgen;

import java.util.Arrays;

/**
 * The 4-connected regions of floor cells in a {@link CharMap}, labelled 0, 1, ... in scan order of their
 * first cell. Immutable after construction; safe to read from any thread.
 */
final class Regions {
    /** The region of each cell, or -1 for walls. */
    final int[] label;
    /** Cell count per region. */
    final int[] sizes;
    /** Index of the first cell (in scan order) of each region. */
    final int[] firstCell;

    private Regions(int[] label, int[] sizes, int[] firstCell) {
        this.label = label;
        this.sizes = sizes;
        this.firstCell = firstCell;
    }

    static Regions of(CharMap map) {
        int w = map.width;
        int n = map.cells.length;
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int[] sizes = new int[16];
        int[] first = new int[16];
        int count = 0;
        for (int start = 0; start < n; start++) {
            if (label[start] != -1 || !map.isFloor(start)) {
                continue;
            }
            if (count == sizes.length) {
                sizes = Arrays.copyOf(sizes, count * 2);
                first = Arrays.copyOf(first, count * 2);
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = count;
            while (head < tail) {
                int c = queue[head++];
                int x = c % w;
                int[] next = {x > 0 ? c - 1 : -1, x < w - 1 ? c + 1 : -1, c - w, c + w};
                for (int nb : next) {
                    if (nb >= 0 && nb < n && label[nb] == -1 && map.isFloor(nb)) {
                        label[nb] = count;
                        queue[tail++] = nb;
                    }
                }
            }
            sizes[count] = tail;
            first[count] = start;
            count++;
        }
        return new Regions(label, Arrays.copyOf(sizes, count), Arrays.copyOf(first, count));
    }

    int count() {
        return sizes.length;
    }

    /** The largest region, the earliest one on ties; -1 when there is no floor. */
    int largest() {
        int best = -1;
        for (int r = 0; r < sizes.length; r++) {
            if (best < 0 || sizes[r] > sizes[best]) {
                best = r;
            }
        }
        return best;
    }
}
