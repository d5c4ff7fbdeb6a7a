package io.p2c2r.executors.ai.pathfinding;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated data of one {@code ai_pathfinding} task: the grid description and the start/end pairs.
 * Parsing checks every field and limit without allocating the grid. Immutable; safe from any thread.
 */
record PathRequest(int width, int height, List<String> rows, int[][] obstacles, int[][] costs,
                   List<Agent> agents, boolean batch, boolean diagonal, boolean waypoints) {

    /** Widest or tallest grid. */
    static final int MAX_DIM = 4096;
    /** Most cells in one grid (1024 x 1024). */
    static final int MAX_CELLS = 1 << 20;
    /** Most start/end pairs in one batch. */
    static final int MAX_AGENTS = 1024;
    /** Bound on agents x cells: the worst case is every search expanding the whole grid. */
    static final long MAX_WORK = 1L << 26;
    /** Highest terrain cost of a cell (cost 1 is open ground). */
    static final int MAX_COST = 100;

    /** One start/end pair, as cell coordinates (x = column, y = row). */
    record Agent(int sx, int sy, int ex, int ey) {
    }

    static PathRequest parse(Params p) {
        p.allowOnly("start", "end", "agents", "width", "height", "grid", "obstacles", "costs", "diagonal",
                "path_format");
        boolean diagonal = p.bool("diagonal", true);
        boolean waypoints = p.oneOf("path_format", "cells", "cells", "waypoints").equals("waypoints");
        List<Agent> agents = new ArrayList<>();
        List<String> agentFields = new ArrayList<>();
        boolean batch = p.has("agents");
        if (batch) {
            for (String f : new String[] {"start", "end"}) {
                if (p.has(f)) {
                    throw new InvalidTaskException(p.field(f) + " cannot be combined with " + p.field("agents")
                            + "; give each agent its own start and end");
                }
            }
            List<Params> list = p.objects("agents", MAX_AGENTS);
            if (list.isEmpty()) {
                throw new InvalidTaskException(p.field("agents") + " is empty; give 1 to " + MAX_AGENTS + " agents");
            }
            for (Params a : list) {
                a.allowOnly("start", "end");
                agents.add(agent(a));
                agentFields.add(a.path());
            }
        } else {
            agents.add(agent(p));
            agentFields.add(p.path());
        }
        int[][] obstacles = p.has("obstacles") ? p.intRows("obstacles", 2, MAX_CELLS, 0, MAX_DIM - 1) : new int[0][];
        int[][] costs = p.has("costs") ? p.intRows("costs", 3, MAX_CELLS, 0, MAX_DIM - 1) : new int[0][];
        for (int i = 0; i < costs.length; i++) {
            if (costs[i][2] < 1 || costs[i][2] > MAX_COST) {
                throw new InvalidTaskException(p.field("costs") + "[" + i + "][2] = " + costs[i][2]
                        + " is out of range [1, " + MAX_COST + "]");
            }
        }
        List<String> rows = null;
        int width;
        int height;
        if (p.has("grid")) {
            for (String f : new String[] {"width", "height"}) {
                if (p.has(f)) {
                    throw new InvalidTaskException(p.field(f) + " cannot be combined with " + p.field("grid")
                            + "; the grid rows give the size");
                }
            }
            rows = List.copyOf(p.strings("grid", MAX_DIM, MAX_DIM));
            height = rows.size();
            width = checkRows(p, rows);
        } else if (p.has("width") || p.has("height")) {
            width = p.requireInt("width", 1, MAX_DIM);
            height = p.requireInt("height", 1, MAX_DIM);
        } else {
            width = 1;
            height = 1;
            for (Agent a : agents) {
                width = Math.max(width, Math.max(a.sx, a.ex) + 1);
                height = Math.max(height, Math.max(a.sy, a.ey) + 1);
            }
            for (int[] o : obstacles) {
                width = Math.max(width, o[0] + 1);
                height = Math.max(height, o[1] + 1);
            }
            for (int[] c : costs) {
                width = Math.max(width, c[0] + 1);
                height = Math.max(height, c[1] + 1);
            }
        }
        long cells = (long) width * height;
        if (cells > MAX_CELLS) {
            throw new InvalidTaskException(p.path() + " grid of " + width + " x " + height + " = " + cells
                    + " cells; the limit is " + MAX_CELLS + " cells");
        }
        if (cells * agents.size() > MAX_WORK) {
            throw new InvalidTaskException(p.field("agents") + " has " + agents.size() + " agents on " + cells
                    + " cells = " + cells * agents.size() + " cell-searches; the limit is " + MAX_WORK);
        }
        for (int i = 0; i < agents.size(); i++) {
            Agent a = agents.get(i);
            String at = agentFields.get(i);
            inBounds(at + ".start", a.sx, a.sy, width, height);
            inBounds(at + ".end", a.ex, a.ey, width, height);
        }
        for (int i = 0; i < obstacles.length; i++) {
            inBounds(p.field("obstacles") + "[" + i + "]", obstacles[i][0], obstacles[i][1], width, height);
        }
        for (int i = 0; i < costs.length; i++) {
            inBounds(p.field("costs") + "[" + i + "]", costs[i][0], costs[i][1], width, height);
        }
        return new PathRequest(width, height, rows, obstacles, costs, List.copyOf(agents), batch, diagonal, waypoints);
    }

    private static Agent agent(Params a) {
        int[] s = a.intArray("start", 2, 2, 0, MAX_DIM - 1);
        int[] e = a.intArray("end", 2, 2, 0, MAX_DIM - 1);
        return new Agent(s[0], s[1], e[0], e[1]);
    }

    private static int checkRows(Params p, List<String> rows) {
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            throw new InvalidTaskException(p.field("grid") + " is empty; give 1 to " + MAX_DIM + " rows of 1 to "
                    + MAX_DIM + " cells");
        }
        int width = rows.get(0).length();
        for (int y = 0; y < rows.size(); y++) {
            String row = rows.get(y);
            if (row.length() != width) {
                throw new InvalidTaskException(p.field("grid") + "[" + y + "] has " + row.length()
                        + " cells; every row must have " + width + " like row 0");
            }
            for (int x = 0; x < width; x++) {
                char c = row.charAt(x);
                if (c != '.' && c != '#' && (c < '1' || c > '9')) {
                    throw new InvalidTaskException(p.field("grid") + "[" + y + "][" + x + "] = '" + c
                            + "' is not a cell; use '.' (open), '#' (blocked) or '1'-'9' (terrain cost)");
                }
            }
        }
        return width;
    }

    private static void inBounds(String at, int x, int y, int width, int height) {
        if (x >= width) {
            throw new InvalidTaskException(at + "[0] = " + x + " is out of range [0, " + (width - 1) + "]");
        }
        if (y >= height) {
            throw new InvalidTaskException(at + "[1] = " + y + " is out of range [0, " + (height - 1) + "]");
        }
    }
}
