package io.p2c2r.executors.ai.procgen;

import java.util.ArrayList;
import java.util.List;

/**
 * A width x height grid of map characters, mutable while a generator builds it. Owned by one generator
 * run; not thread-safe, except that parallel loops may write disjoint rows.
 */
final class CharMap {
    static final char WALL = '#';
    static final char FLOOR = '.';

    final int width;
    final int height;
    final char[] cells;

    CharMap(int width, int height, char fill) {
        this.width = width;
        this.height = height;
        this.cells = new char[width * height];
        java.util.Arrays.fill(cells, fill);
    }

    char get(int x, int y) {
        return cells[y * width + x];
    }

    void set(int x, int y, char c) {
        cells[y * width + x] = c;
    }

    boolean isFloor(int i) {
        return cells[i] != WALL;
    }

    int count(char c) {
        int n = 0;
        for (char v : cells) {
            n += v == c ? 1 : 0;
        }
        return n;
    }

    int floorCells() {
        return cells.length - count(WALL);
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>(height);
        for (int y = 0; y < height; y++) {
            rows.add(new String(cells, y * width, width));
        }
        return rows;
    }
}
