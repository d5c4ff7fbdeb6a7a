package io.p2c2r.executors.ai.procgen;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rectangle of cells (a room or a BSP leaf). Immutable. */
record Room(int x, int y, int width, int height) {
    int centerX() {
        return x + width / 2;
    }

    int centerY() {
        return y + height / 2;
    }

    /** True when the two rectangles share a cell or touch along an edge or corner. */
    boolean touches(Room o) {
        return x <= o.x + o.width && o.x <= x + width && y <= o.y + o.height && o.y <= y + height;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("y", y);
        m.put("width", width);
        m.put("height", height);
        return m;
    }
}
