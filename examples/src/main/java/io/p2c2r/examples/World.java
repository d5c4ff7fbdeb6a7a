package io.p2c2r.examples;

import io.p2c2r.client.TaskReply;
import io.p2c2r.common.protocol.Codec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example's game state: a dungeon level (from {@code ai_procedural}), NPCs that walk the paths
 * {@code ai_pathfinding} found for them, and the last line an NPC said ({@code ai_npc_dialogue}). It changes only
 * when the game loop applies an arrived result, on the loop's thread. Not thread-safe; game-loop thread only.
 */
final class World {
    static final int WIDTH = 48;
    static final int HEIGHT = 32;

    /** One NPC: where it stands and the cells still ahead of it. */
    static final class Npc {
        final String name;
        int x;
        int y;
        List<int[]> route = List.of();
        int step;

        Npc(String name, int x, int y) {
            this.name = name;
            this.x = x;
            this.y = y;
        }
    }

    final List<Npc> npcs = new ArrayList<>();
    List<String> map = List.of();
    int level;
    String lastLine = "";
    long ticks;

    World() {
        npcs.add(new Npc("Mira", 1, 1));
        npcs.add(new Npc("Bram", 1, 1));
        npcs.add(new Npc("Odo", 1, 1));
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

    /** Loads a new level from an {@code ai_procedural} dungeon; NPCs start on the up stairs. */
    void loadLevel(TaskReply reply) {
        Map<?, ?> r = (Map<?, ?>) Codec.tree(reply.result().result());
        map = ((List<?>) r.get("map")).stream().map(String::valueOf).toList();
        List<?> up = (List<?>) ((Map<?, ?>) r.get("stairs")).get("up");
        level++;
        for (Npc n : npcs) {
            n.x = ((BigDecimal) up.get(0)).intValue();
            n.y = ((BigDecimal) up.get(1)).intValue();
            n.route = List.of();
            n.step = 0;
        }
    }

    /** Gives {@code npc} the path {@code ai_pathfinding} found. */
    void walk(Npc npc, TaskReply reply) {
        List<int[]> route = new ArrayList<>();
        for (Object cell : (List<?>) ((Map<?, ?>) Codec.tree(reply.result().result())).get("path")) {
            List<?> xy = (List<?>) cell;
            route.add(new int[] {((BigDecimal) xy.get(0)).intValue(), ((BigDecimal) xy.get(1)).intValue()});
        }
        npc.route = route;
        npc.step = 0;
    }

    void say(Npc npc, TaskReply reply) {
        lastLine = npc.name + ": " + ((Map<?, ?>) Codec.tree(reply.result().result())).get("dialogue");
    }

    /** The level as the pathfinder's grid: walls blocked, every other cell open. */
    String gridJson() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < map.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(map.get(i).replaceAll("[^#]", ".")).append('"');
        }
        return b.append(']').toString();
    }

    /** A floor cell chosen by {@code k}, for an NPC to walk to. */
    int[] floorCell(int k) {
        List<int[]> floor = new ArrayList<>();
        for (int y = 0; y < map.size(); y++) {
            for (int x = 0; x < map.get(y).length(); x++) {
                if (map.get(y).charAt(x) != '#') {
                    floor.add(new int[] {x, y});
                }
            }
        }
        return floor.get(Math.floorMod(k * 7919, floor.size()));
    }
}
