package io.p2c2r.executors.ai.pathfinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PathfindingBatchTest {
    private final PathfindingExecutor executor = new PathfindingExecutor();

    @Test
    @SuppressWarnings("unchecked")
    void batch_givesEachAgentTheSameResultAsASingleSearch() {
        String grid = "\"grid\":[\"..........\",\".####.....\",\"....#.....\",\"....#..#..\",\"....#..#..\"]";
        String batch = "{" + grid + ",\"agents\":[{\"start\":[0,0],\"end\":[9,4]},{\"start\":[0,4],\"end\":[5,2]},"
                + "{\"start\":[2,2],\"end\":[2,2]},{\"start\":[0,0],\"end\":[1,1]}]}";
        Map<String, Object> r = executor.execute(Codec.params(batch), ExecutionContext.sequential());
        List<Map<String, Object>> agents = (List<Map<String, Object>>) r.get("agents");
        assertEquals(4, agents.size());
        int[][] pairs = {{0, 0, 9, 4}, {0, 4, 5, 2}, {2, 2, 2, 2}, {0, 0, 1, 1}};
        for (int i = 0; i < pairs.length; i++) {
            String single = "{" + grid + ",\"start\":[" + pairs[i][0] + "," + pairs[i][1] + "],\"end\":["
                    + pairs[i][2] + "," + pairs[i][3] + "]}";
            Map<String, Object> one = executor.execute(Codec.params(single), ExecutionContext.sequential());
            one.remove("width");
            one.remove("height");
            one.remove("work_units"); // the task's, not the agent's: the grid is built once per task
            assertEquals(Codec.toRaw(one), Codec.toRaw(agents.get(i)), "agent " + i);
        }
        assertEquals(3, r.get("found_count"), "[1,1] is blocked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchOnRandomGrid_everyAgentMatchesDijkstra() {
        // Many searches reuse one workspace, so stale state from an earlier agent must never leak.
        SplittableRandom rnd = new SplittableRandom(11);
        int w = 75;
        int h = 70;
        boolean[][] blocked = new boolean[h][w];
        int[][] cost = new int[h][w];
        StringBuilder json = new StringBuilder("{\"width\":" + w + ",\"height\":" + h + ",\"obstacles\":[");
        boolean first = true;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cost[y][x] = 1;
                if (rnd.nextInt(4) == 0) {
                    blocked[y][x] = true;
                    json.append(first ? "" : ",").append('[').append(x).append(',').append(y).append(']');
                    first = false;
                }
            }
        }
        int[][] pairs = new int[60][];
        json.append("],\"agents\":[");
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new int[] {rnd.nextInt(w), rnd.nextInt(h), rnd.nextInt(w), rnd.nextInt(h)};
            json.append(i == 0 ? "" : ",").append("{\"start\":[").append(pairs[i][0]).append(',').append(pairs[i][1])
                    .append("],\"end\":[").append(pairs[i][2]).append(',').append(pairs[i][3]).append("]}");
        }
        Map<String, Object> r = executor.execute(Codec.params(json.append("]}").toString()), ExecutionContext.sequential());
        List<Map<String, Object>> agents = (List<Map<String, Object>>) r.get("agents");
        for (int i = 0; i < pairs.length; i++) {
            int[] q = pairs[i];
            double best = Dijkstra.cost(blocked, cost, true, q[0], q[1], q[2], q[3]);
            Map<String, Object> a = agents.get(i);
            assertEquals(!Double.isInfinite(best), a.get("found"), "agent " + i);
            if (!Double.isInfinite(best)) {
                assertEquals(best, (double) a.get("distance"), 1e-9, "agent " + i);
                PathChecks.assertLegal((List<int[]>) a.get("path"), blocked, cost, true, q[0], q[1], q[2], q[3],
                        (double) a.get("cost"), (double) a.get("distance"));
            }
        }
    }

    @Test
    void benchCases_giveTheSameBytesOnFourThreadsAsOnOne() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            PoolContext four = new PoolContext(pool, 4, () -> false);
            for (BenchCase c : executor.benchCases()) {
                if (c.name().startsWith("walls")) {
                    continue; // one long search: nothing to split, and slow to repeat here
                }
                String seq = Codec.toRaw(executor.execute(Codec.params(c.data()), ExecutionContext.sequential())).text();
                String par = Codec.toRaw(executor.execute(Codec.params(c.data()), four)).text();
                assertEquals(seq, par, c.name());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void cancelledContext_stopsALongSearch() {
        // The goal is walled off, so the search would expand all 10,000 open cells on the left.
        String json = "{\"width\":200,\"height\":100,\"start\":[0,0],\"end\":[199,99],\"obstacles\":["
                + java.util.stream.IntStream.range(0, 100).mapToObj(y -> "[100," + y + "]")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}";
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> executor.execute(Codec.params(json), new PoolContext(null, 1, () -> true)));
    }

    @Test
    void agentsWithStart_isRejectedNamingTheField() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"start\":[0,0],\"agents\":[{\"start\":[0,0],\"end\":[1,1]}]}")));
        assertTrue(e.getMessage().contains("data.start"), e.getMessage());
    }

    @Test
    void agentOutsideGrid_isRejectedWithPathValueAndRange() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> executor.validate(Codec.params(
                "{\"width\":10,\"height\":10,\"agents\":[{\"start\":[0,0],\"end\":[1,1]},{\"start\":[3,12],\"end\":[1,1]}]}")));
        assertEquals("data.agents[1].start[1] = 12 is out of range [0, 9]", e.getMessage());
    }

    @Test
    void gridBeyondCellLimit_isRejected() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"width\":2048,\"height\":1024,\"start\":[0,0],\"end\":[1,1]}")));
        assertTrue(e.getMessage().contains("2097152") && e.getMessage().contains("1048576"), e.getMessage());
    }

    @Test
    void tooMuchBatchWork_isRejected() {
        StringBuilder sb = new StringBuilder("{\"width\":1024,\"height\":1024,\"agents\":[");
        for (int i = 0; i < 65; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"start\":[0,0],\"end\":[5,5]}");
        }
        InvalidTaskException e = assertThrows(InvalidTaskException.class,
                () -> executor.validate(Codec.params(sb.append("]}").toString())));
        assertTrue(e.getMessage().startsWith("data.agents has 65 agents"), e.getMessage());
    }

    @Test
    void unevenGridRows_areRejected() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"grid\":[\"...\",\"..\"],\"start\":[0,0],\"end\":[1,1]}")));
        assertTrue(e.getMessage().startsWith("data.grid[1] has 2 cells"), e.getMessage());
    }

    @Test
    void unknownField_isRejected() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"start\":[0,0],\"end\":[1,1],\"obstacle\":[[0,1]]}")));
        assertTrue(e.getMessage().startsWith("data.obstacle is not a known field"), e.getMessage());
    }

    @Test
    void costOutOfRange_isRejected() {
        InvalidTaskException e = assertThrows(InvalidTaskException.class, () -> executor.validate(
                Codec.params("{\"start\":[0,0],\"end\":[1,1],\"costs\":[[0,1,0]]}")));
        assertEquals("data.costs[0][2] = 0 is out of range [1, 100]", e.getMessage());
    }
}
