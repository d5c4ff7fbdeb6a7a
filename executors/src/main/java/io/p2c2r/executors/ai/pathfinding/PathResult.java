package io.p2c2r.executors.ai.pathfinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one search: the path as cell indices (empty when none), its geometric length, its
 * terrain-weighted cost and how many cells were expanded. Immutable; safe from any thread.
 */
record PathResult(boolean found, int[] cells, double distance, double cost, int expanded) {

    static PathResult notFound(int expanded) {
        return new PathResult(false, new int[0], 0, 0, expanded);
    }

    /** A found path; its length is counted from straight and diagonal steps so that it carries no search rounding. */
    static PathResult of(int[] cells, int width, double cost, int expanded) {
        int straight = 0;
        int diagonal = 0;
        for (int i = 1; i < cells.length; i++) {
            int d = Math.abs(cells[i] - cells[i - 1]);
            if (d == 1 || d == width) {
                straight++;
            } else {
                diagonal++;
            }
        }
        return new PathResult(true, cells, straight + diagonal * AStar.SQRT2, cost, expanded);
    }

    /** How many cells the result lists: every cell, or only the start, the turns and the end. */
    int outputCells(boolean waypoints) {
        return waypoints ? waypointIndices().size() : cells.length;
    }

    Map<String, Object> toJson(int width, boolean waypoints, int obstaclesAvoided) {
        List<int[]> path = new ArrayList<>();
        if (waypoints) {
            for (int i : waypointIndices()) {
                path.add(new int[] {cells[i] % width, cells[i] / width});
            }
        } else {
            for (int c : cells) {
                path.add(new int[] {c % width, c / width});
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path);
        out.put("distance", distance);
        out.put("cost", cost);
        out.put("found", found);
        out.put("nodes_expanded", expanded);
        out.put("obstacles_avoided", obstaclesAvoided);
        return out;
    }

    /** Positions in {@link #cells} where the direction changes, plus both ends. */
    private List<Integer> waypointIndices() {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (i == 0 || i == cells.length - 1 || cells[i] - cells[i - 1] != cells[i + 1] - cells[i]) {
                keep.add(i);
            }
        }
        return keep;
    }
}
