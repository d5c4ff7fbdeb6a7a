package io.p2c2r.examples;

import io.p2c2r.client.TaskReply;
import io.p2c2r.common.protocol.Codec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example's game state: a dungeon level (from {@code ai_procedural}), NPCs that walk the paths
 * {@code ai_pathfinding} found for them, and the last line an NPC said ({@code ai_npc_dialogue}). The static
 * {@code parse} methods turn answers into game objects on the loop's I/O thread; the loop's own thread then only
 * assigns them. Instances are not thread-safe: game-loop thread only.
 */
final class World {
    static final int WIDTH = 96;
    static final int HEIGHT = 64;

    /** A level ready to play: its rows, the pathfinder's grid for it, its floor cells and the up stairs. Immutable. */
    record Level(List<String> map, String gridJson, List<int[]> floor, int upX, int upY) {
    }

    /** One NPC: where it stands and the cells still ahead of it. */
    static final class Npc {
        final String name;
        int x;
        int y;
        List<int[]> route = List.of();
        int step;

        Npc(String name) {
            this.name = name;
        }
    }

    final List<Npc> npcs = new ArrayList<>();
    Level level;
    int levels;
    String lastLine = "";
    long ticks;

    World() {
        for (String name : new String[] {"Mira", "Bram", "Odo", "Ysolde", "Tam", "Wren"}) {
            npcs.add(new Npc(name));
        }
    }

    /** The per-frame simulation: each NPC walks one cell every 6 frames (10 cells a second at 60 Hz). */
    void tick() {
        ticks++;
        if (ticks % 6 == 0) {
            for (Npc n : npcs) {
                if (n.step < n.route.size()) {
                    int[] c = n.route.get(n.step++);
                    n.x = c[0];
                    n.y = c[1];
                }
            }
        }
    }

    /** Enters a new level; NPCs start on its up stairs. */
    void enter(Level l) {
        level = l;
        levels++;
        for (Npc n : npcs) {
            n.x = l.upX();
            n.y = l.upY();
            n.route = List.of();
            n.step = 0;
        }
    }

    /** A floor cell of the current level chosen by {@code k}, for an NPC to walk to. */
    int[] floorCell(long k) {
        List<int[]> floor = level.floor();
        return floor.get((int) Math.floorMod(k * 7919, (long) floor.size()));
    }

    static Level parseLevel(TaskReply reply) {
        Map<?, ?> r = (Map<?, ?>) Codec.tree(reply.result().result());
        List<String> map = ((List<?>) r.get("map")).stream().map(String::valueOf).toList();
        List<?> up = (List<?>) ((Map<?, ?>) r.get("stairs")).get("up");
        StringBuilder grid = new StringBuilder("[");
        List<int[]> floor = new ArrayList<>();
        for (int y = 0; y < map.size(); y++) {
            String row = map.get(y);
            grid.append(y == 0 ? "" : ",").append('"').append(row.replaceAll("[^#]", ".")).append('"');
            for (int x = 0; x < row.length(); x++) {
                if (row.charAt(x) != '#') {
                    floor.add(new int[] {x, y});
                }
            }
        }
        return new Level(map, grid.append(']').toString(), List.copyOf(floor), ((BigDecimal) up.get(0)).intValue(),
                ((BigDecimal) up.get(1)).intValue());
    }

    static List<int[]> parsePath(TaskReply reply) {
        List<int[]> route = new ArrayList<>();
        for (Object cell : (List<?>) ((Map<?, ?>) Codec.tree(reply.result().result())).get("path")) {
            List<?> xy = (List<?>) cell;
            route.add(new int[] {((BigDecimal) xy.get(0)).intValue(), ((BigDecimal) xy.get(1)).intValue()});
        }
        return route;
    }

    static String parseLine(TaskReply reply) {
        return String.valueOf(((Map<?, ?>) Codec.tree(reply.result().result())).get("dialogue"));
    }
}
