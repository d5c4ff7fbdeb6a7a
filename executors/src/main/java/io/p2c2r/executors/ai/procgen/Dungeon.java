package io.p2c2r.executors.ai.procgen;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.ExecutionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Rooms and corridors by binary space partitioning: each leaf of the partition holds one room with a
 * wall ring of its own (so rooms never overlap or touch), each split joins a room on one side to the
 * nearest room on the other with an L-shaped corridor (so the partition tree makes every room reachable),
 * and a few extra corridors between near rooms add loops. One instance per run; not thread-safe.
 */
final class Dungeon {
    static final int MAX_LOOPS = 1000;

    /** The dungeon's own fields. Immutable. */
    record Spec(Common common, int roomMin, int roomMax, int loops) {
        static Spec parse(Params p) {
            Common c = Common.parse(p, "dungeon", "room_min", "room_max", "loops");
            int side = Math.min(c.width(), c.height());
            int roomMin = p.intValue("room_min", Math.max(2, Math.min(6, side / 10)), 2, 50);
            int roomMax = p.intValue("room_max", Math.max(roomMin, Math.min(20, side / 3)), 2, 100);
            if (roomMax < roomMin) {
                throw new InvalidTaskException(p.field("room_max") + " = " + roomMax + " is out of range ["
                        + roomMin + ", 100]: it may not be below room_min");
            }
            int loops = p.intValue("loops", -1, 0, MAX_LOOPS);
            return new Spec(c, roomMin, roomMax, loops);
        }
    }

    final CharMap map;
    final List<Room> rooms = new ArrayList<>();
    int corridors;
    int corridorCells;
    int loops;
    /** Room pairs compared while looking for loop corridors: the part of the work that grows as rooms x loops. */
    long loopChecks;
    private final Spec spec;
    private final SplittableRandom rnd;
    private final Set<Long> joined = new HashSet<>();

    private Dungeon(Spec spec) {
        this.spec = spec;
        this.map = new CharMap(spec.common().width(), spec.common().height(), CharMap.WALL);
        this.rnd = new SplittableRandom(spec.common().seed());
    }

    static Dungeon generate(Spec spec, ExecutionContext ctx) {
        Dungeon d = new Dungeon(spec);
        d.partition(new Room(0, 0, d.map.width, d.map.height));
        ctx.checkCancelled();
        d.addLoops(spec.loops() >= 0 ? spec.loops() : Math.min(MAX_LOOPS, d.rooms.size() / 5), ctx);
        return d;
    }

    /** Splits {@code leaf} or places a room in it; returns the indices of the rooms it ends up holding. */
    private int[] partition(Room leaf) {
        int leafMin = spec.roomMin() + 2;
        int leafMax = spec.roomMax() + 2;
        boolean canV = leaf.width() >= 2 * leafMin;
        boolean canH = leaf.height() >= 2 * leafMin;
        boolean small = leaf.width() <= leafMax && leaf.height() <= leafMax;
        if ((!canV && !canH) || (small && rnd.nextBoolean())) {
            return new int[] {placeRoom(leaf)};
        }
        boolean vertical = canV && (!canH || leaf.width() > leaf.height() * 5 / 4
                || (leaf.height() <= leaf.width() * 5 / 4 && rnd.nextBoolean()));
        Room a;
        Room b;
        if (vertical) {
            int cut = leafMin + rnd.nextInt(leaf.width() - 2 * leafMin + 1);
            a = new Room(leaf.x(), leaf.y(), cut, leaf.height());
            b = new Room(leaf.x() + cut, leaf.y(), leaf.width() - cut, leaf.height());
        } else {
            int cut = leafMin + rnd.nextInt(leaf.height() - 2 * leafMin + 1);
            a = new Room(leaf.x(), leaf.y(), leaf.width(), cut);
            b = new Room(leaf.x(), leaf.y() + cut, leaf.width(), leaf.height() - cut);
        }
        int[] left = partition(a);
        int[] right = partition(b);
        // Join the left room nearest the cut to its nearest room on the right: linear work per split.
        int from = nearest(left, b.centerX(), b.centerY());
        int to = nearest(right, rooms.get(from).centerX(), rooms.get(from).centerY());
        carve(from, to);
        int[] all = java.util.Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, all, left.length, right.length);
        return all;
    }

    private int placeRoom(Room leaf) {
        int maxW = Math.min(spec.roomMax(), leaf.width() - 2);
        int maxH = Math.min(spec.roomMax(), leaf.height() - 2);
        // at least half the leaf (and room_min, if the leaf allows), so rooms fill their partition
        int minW = Math.min(maxW, Math.max(spec.roomMin(), maxW / 2));
        int minH = Math.min(maxH, Math.max(spec.roomMin(), maxH / 2));
        int w = minW + rnd.nextInt(maxW - minW + 1);
        int h = minH + rnd.nextInt(maxH - minH + 1);
        int x = leaf.x() + 1 + rnd.nextInt(leaf.width() - 2 - w + 1);
        int y = leaf.y() + 1 + rnd.nextInt(leaf.height() - 2 - h + 1);
        Room room = new Room(x, y, w, h);
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                map.set(xx, yy, CharMap.FLOOR);
            }
        }
        rooms.add(room);
        return rooms.size() - 1;
    }

    private int nearest(int[] candidates, int x, int y) {
        int best = candidates[0];
        long bestD = Long.MAX_VALUE;
        for (int r : candidates) {
            long dx = rooms.get(r).centerX() - x;
            long dy = rooms.get(r).centerY() - y;
            if (dx * dx + dy * dy < bestD) {
                bestD = dx * dx + dy * dy;
                best = r;
            }
        }
        return best;
    }

    /** Extra corridors from random rooms to their nearest not yet joined room, so the map has cycles. */
    private void addLoops(int wanted, ExecutionContext ctx) {
        int n = rooms.size();
        for (int k = 0; k < wanted && n > 2; k++) {
            if ((k & 63) == 63) {
                ctx.checkCancelled();
            }
            int a = rnd.nextInt(n);
            loopChecks += n;
            int best = -1;
            long bestD = Long.MAX_VALUE;
            for (int b = 0; b < n; b++) {
                long dx = rooms.get(a).centerX() - rooms.get(b).centerX();
                long dy = rooms.get(a).centerY() - rooms.get(b).centerY();
                if (b != a && dx * dx + dy * dy < bestD && !joined.contains(key(a, b))) {
                    bestD = dx * dx + dy * dy;
                    best = b;
                }
            }
            if (best >= 0) {
                carve(a, best);
                loops++;
            }
        }
    }

    /** An L-shaped corridor between two room centres; the bend side is random. */
    private void carve(int from, int to) {
        joined.add(key(from, to));
        corridors++;
        Room a = rooms.get(from);
        Room b = rooms.get(to);
        int x0 = a.centerX();
        int y0 = a.centerY();
        int x1 = b.centerX();
        int y1 = b.centerY();
        if (rnd.nextBoolean()) {
            line(x0, y0, x1, y0);
            line(x1, y0, x1, y1);
        } else {
            line(x0, y0, x0, y1);
            line(x0, y1, x1, y1);
        }
    }

    private void line(int x0, int y0, int x1, int y1) {
        int dx = Integer.signum(x1 - x0);
        int dy = Integer.signum(y1 - y0);
        for (int x = x0, y = y0; ; x += dx, y += dy) {
            if (map.get(x, y) == CharMap.WALL) {
                map.set(x, y, CharMap.FLOOR);
                corridorCells++;
            }
            if (x == x1 && y == y1) {
                return;
            }
        }
    }

    /** A pair key whose hash spreads well (a plain {@code a << 32 | b} hashes to {@code a ^ b}). */
    private static long key(int a, int b) {
        return Math.min(a, b) * 0x9E3779B97F4A7C15L + Math.max(a, b);
    }
}
