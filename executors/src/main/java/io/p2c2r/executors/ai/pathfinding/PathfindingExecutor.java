package io.p2c2r.executors.ai.pathfinding;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ai_pathfinding}: optimal grid paths by A* for one start/end pair or a batch of agents sharing
 * one parsed grid. Stateless; safe from any thread.
 */
public final class PathfindingExecutor implements TaskExecutor {
    /** Most path cells in one result (about 7 MB of JSON); beyond it ask for waypoints or fewer agents. */
    static final int MAX_OUTPUT_CELLS = 600_000;
    /**
     * Work units per node expanded and per obstacle or cost listed: each costs about the same (a heap pop and its
     * neighbours; reading and checking an entry of the task data), whether the grid is 8- or 4-connected.
     */
    static final long EXPANSION_UNITS = 4;
    /** Grid cells, and characters of grid text, per work unit: allocating and parsing a cell is cheap. */
    static final long CELLS_PER_UNIT = 256;
    static final long GRID_CHARS_PER_UNIT = 64;
    /** Priced on one thread of the reference machine: {@code peer.jar bench --calibrate}, docs/TASKS.md "Work and price". */
    private static final WorkModel WORK_MODEL = new WorkModel("search steps (" + EXPANSION_UNITS + " per node expanded"
            + " or obstacle or cost listed, 1 per path cell listed, per " + CELLS_PER_UNIT + " grid cells and per "
            + GRID_CHARS_PER_UNIT + " characters of grid text)", 45_200, 18_900_000);

    @Override
    public TaskType type() {
        return TaskType.AI_PATHFINDING;
    }

    @Override
    public String version() {
        return "2.0.0"; // 2.0.0: work_units in the result
    }

    @Override
    public void validate(Params data) {
        PathRequest.parse(data);
    }

    @Override
    public long maxWorkUnits(Params data) {
        PathRequest req = PathRequest.parse(data);
        long cells = (long) req.width() * req.height();
        // every search closes each open cell at most once, and a path visits each cell at most once
        long searched = cells * req.agents().size();
        return workUnits(req, searched, Math.min(searched, MAX_OUTPUT_CELLS));
    }

    @Override
    public WorkModel workModel() {
        return WORK_MODEL;
    }

    private static long workUnits(PathRequest req, long expanded, long outputCells) {
        long cells = (long) req.width() * req.height();
        long entries = (long) req.obstacles().length + req.costs().length;
        long gridChars = req.rows() == null ? 0 : cells;
        return EXPANSION_UNITS * (expanded + entries) + outputCells + ceilDiv(cells, CELLS_PER_UNIT)
                + ceilDiv(gridChars, GRID_CHARS_PER_UNIT);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public Map<String, Object> execute(Params data, ExecutionContext ctx) {
        PathRequest req = PathRequest.parse(data);
        Grid grid = Grid.of(req);
        List<PathRequest.Agent> agents = req.agents();
        PathResult[] results = new PathResult[agents.size()];
        // One A* workspace per chunk, agents dealt round-robin; each agent's result is independent of the
        // chunking, so the output does not depend on the thread count.
        int chunks = Math.min(agents.size(), ctx.parallelism());
        ctx.parallelFor(chunks, chunk -> {
            AStar astar = new AStar(grid, req.diagonal());
            for (int i = chunk; i < agents.size(); i += chunks) {
                PathRequest.Agent a = agents.get(i);
                results[i] = astar.find(a.sx(), a.sy(), a.ex(), a.ey(), ctx);
            }
        });
        long outputCells = 0;
        for (PathResult r : results) {
            outputCells += r.outputCells(req.waypoints());
        }
        if (outputCells > MAX_OUTPUT_CELLS) {
            throw new InvalidTaskException(data.path() + " paths hold " + outputCells + " cells; the limit is "
                    + MAX_OUTPUT_CELLS + "; set path_format to \"waypoints\" or send fewer agents");
        }
        List<Map<String, Object>> perAgent = new ArrayList<>(agents.size());
        int foundCount = 0;
        long expandedTotal = 0;
        for (int i = 0; i < results.length; i++) {
            PathRequest.Agent a = agents.get(i);
            int onLine = grid.obstaclesOnLine(a.sx(), a.sy(), a.ex(), a.ey());
            perAgent.add(results[i].toJson(grid.width, req.waypoints(), onLine));
            foundCount += results[i].found() ? 1 : 0;
            expandedTotal += results[i].expanded();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (req.batch()) {
            out.put("agents", perAgent);
            out.put("found_count", foundCount);
            out.put("nodes_expanded", expandedTotal);
        } else {
            out.putAll(perAgent.get(0));
        }
        out.put("width", grid.width);
        out.put("height", grid.height);
        out.put(WORK_UNITS, workUnits(req, expandedTotal, outputCells));
        return out;
    }

    @Override
    public List<BenchCase> benchCases() {
        return PathfindingBench.cases(type().seedData());
    }
}
