package io.p2c2r.executors.ai.pathfinding;

import io.p2c2r.executors.BenchCase;
import java.util.List;
import java.util.SplittableRandom;

/** The standard pathfinding inputs for {@code peer.jar bench}, built as JSON text. Stateless. */
final class PathfindingBench {
    private PathfindingBench() {}

    static List<BenchCase> cases(String seed) {
        return List.of(
                new BenchCase("seed", seed),
                new BenchCase("open 1024x1024 corner", "{\"width\":1024,\"height\":1024,\"start\":[0,0],\"end\":[1023,1023]}"),
                new BenchCase("walls 1024x1024 corner", walls()),
                new BenchCase("256 agents 256x256 20%", agents()));
    }

    /** Fifteen walls with a gap alternately at the bottom and the top: the path snakes across the whole map. */
    private static String walls() {
        StringBuilder sb = new StringBuilder("{\"start\":[0,0],\"end\":[1023,1023],\"grid\":[");
        for (int y = 0; y < 1024; y++) {
            sb.append(y == 0 ? "\"" : ",\"");
            for (int x = 0; x < 1024; x++) {
                int wall = x / 64;
                boolean isWall = x % 64 == 63 && wall < 15 && (wall % 2 == 0 ? y < 1016 : y >= 8);
                sb.append(isWall ? '#' : '.');
            }
            sb.append('"');
        }
        return sb.append("]}").toString();
    }

    /** A 256 x 256 map with 20% random blocked cells and 256 random start/end pairs. */
    private static String agents() {
        SplittableRandom rnd = new SplittableRandom(20261124L);
        StringBuilder sb = new StringBuilder("{\"width\":256,\"height\":256,\"obstacles\":[");
        boolean first = true;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                if (rnd.nextInt(5) == 0) {
                    sb.append(first ? "" : ",").append('[').append(x).append(',').append(y).append(']');
                    first = false;
                }
            }
        }
        sb.append("],\"agents\":[");
        for (int i = 0; i < 256; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"start\":[").append(rnd.nextInt(256)).append(',')
                    .append(rnd.nextInt(256)).append("],\"end\":[").append(rnd.nextInt(256)).append(',')
                    .append(rnd.nextInt(256)).append("]}");
        }
        return sb.append("]}").toString();
    }
}
