package io.p2c2r.gamer;

import io.p2c2r.common.protocol.Codec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A few readable lines per task type: what a person wants to see of a result (a dungeon as a grid, a render's
 * size and rays, a simulation's energies), not its whole JSON. Unknown types and unexpected shapes fall back to
 * the JSON with long arrays and strings abbreviated. Stateless.
 */
final class ResultSummary {
    static final int MAX_GRID_ROWS = 40;
    static final int MAX_GRID_COLUMNS = 100;
    private static final int MAX_LIST = 12;
    private static final int MAX_STRING = 160;

    private ResultSummary() {}

    static String of(String type, Object tree) {
        if (tree instanceof Map<?, ?> r) {
            try {
                String s = switch (type) {
                    case "ai_npc_dialogue" -> dialogue(r);
                    case "ai_pathfinding" -> path(r);
                    case "ai_procedural" -> procedural(r);
                    case "rt_reflections", "rt_shadows", "rt_global_illumination" -> render(r);
                    case "physics_rigid_body", "physics_fluid", "physics_destruction" -> PhysicsSummary.of(type, r);
                    default -> null;
                };
                if (s != null) {
                    return s;
                }
            } catch (RuntimeException e) {
                // A shape this version does not know (a newer executor): show the abbreviated JSON instead.
            }
        }
        return Codec.pretty(abbreviate(tree));
    }

    private static String dialogue(Map<?, ?> r) {
        Map<?, ?> who = (Map<?, ?>) req(r, "character");
        Map<?, ?> intent = (Map<?, ?>) req(r, "intent");
        StringBuilder b = new StringBuilder(String.format("  %s (%s, %s): \"%s\"%n", req(who, "name"), req(who, "role"),
                req(who, "tone"), req(r, "dialogue")));
        b.append(String.format("  emotion %s, animation %s, disposition %s | heard: %s (%s, from %s)", req(r, "emotion"),
                req(r, "animation"), req(r, "disposition"), req(intent, "name"), req(intent, "confidence"), req(intent, "source")));
        int n = 1;
        for (Object o : (List<?>) req(r, "suggested_replies")) {
            Map<?, ?> reply = (Map<?, ?>) o;
            b.append(String.format("%n    %d. \"%s\" (%s)", n++, req(reply, "text"), req(reply, "intent")));
        }
        return b.toString();
    }

    private static String path(Map<?, ?> r) {
        if (r.containsKey("agents")) {
            List<?> agents = (List<?>) req(r, "agents");
            StringBuilder b = new StringBuilder(String.format("  %d agents, %s found, %s nodes expanded, on a %sx%s grid",
                    agents.size(), req(r, "found_count"), req(r, "nodes_expanded"), req(r, "width"), req(r, "height")));
            for (int i = 0; i < Math.min(agents.size(), 5); i++) {
                b.append("\n    agent ").append(i).append(": ").append(onePath((Map<?, ?>) agents.get(i)));
            }
            return b.append(agents.size() > 5 ? "\n    ... " + (agents.size() - 5) + " more" : "").toString();
        }
        String head = String.format("  %s on a %sx%s grid, %s nodes expanded, %s obstacle(s) on the straight line avoided",
                onePath(r), req(r, "width"), req(r, "height"), req(r, "nodes_expanded"), req(r, "obstacles_avoided"));
        return Boolean.TRUE.equals(req(r, "found")) ? head + "\n    " + Codec.pretty(shorten((List<?>) req(r, "path"), 10, 4)) : head;
    }

    private static String onePath(Map<?, ?> r) {
        if (!Boolean.TRUE.equals(req(r, "found"))) {
            return "no path";
        }
        return String.format("a path of %d cells, distance %s, cost %s", ((List<?>) req(r, "path")).size(),
                num(req(r, "distance"), 3), num(req(r, "cost"), 3));
    }

    private static String procedural(Map<?, ?> r) {
        StringBuilder b = new StringBuilder(String.format("  %s %sx%s, seed %s: %s%n", req(r, "type"), req(r, "width"),
                req(r, "height"), req(r, "seed"), pairs((Map<?, ?>) req(r, "stats"))));
        List<?> rows = (List<?>) req(r, "map");
        int shownRows = Math.min(rows.size(), MAX_GRID_ROWS);
        for (int y = 0; y < shownRows; y++) {
            String row = String.valueOf(rows.get(y));
            b.append("    ").append(row, 0, Math.min(row.length(), MAX_GRID_COLUMNS)).append('\n');
        }
        if (shownRows < rows.size() || String.valueOf(rows.get(0)).length() > MAX_GRID_COLUMNS) {
            b.append(String.format("    (the top-left %dx%d cells shown)%n", Math.min(MAX_GRID_COLUMNS,
                    String.valueOf(rows.get(0)).length()), shownRows));
        }
        List<String> legend = new ArrayList<>();
        ((Map<?, ?>) req(r, "legend")).forEach((k, v) -> legend.add(k + " " + v));
        return b.append("  legend: ").append(String.join(", ", legend)).toString();
    }

    private static String render(Map<?, ?> r) {
        return String.format("  rendered %sx%s: %,d rays (%s bounce(s), %s sample(s) per pixel, %s light(s)), mean luminance %s, %s ms",
                req(r, "width"), req(r, "height"), ((BigDecimal) req(r, "rays_traced")).longValueExact(), req(r, "bounces"),
                req(r, "samples_per_pixel"), req(r, "lights"), num(req(r, "mean_luminance"), 3), req(r, "render_ms"));
    }

    /** The field, which must be there: a missing one means a shape this version does not know. */
    static Object req(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v == null) {
            throw new IllegalArgumentException("no field " + field);
        }
        return v;
    }

    /** {@code box 13, sphere 7} for counts by kind. */
    static String counts(Map<String, Integer> byKind) {
        List<String> out = new ArrayList<>();
        byKind.forEach((k, v) -> out.add(k + " " + v));
        return String.join(", ", out);
    }

    /** {@code k v, k v} for a flat map of figures. */
    static String pairs(Map<?, ?> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(String.valueOf(k).replace('_', ' ') + " " + num(v, 3)));
        return String.join(", ", out);
    }

    /** A number rounded to {@code places} decimals for people (integers as they are); anything else as text. */
    static String num(Object v, int places) {
        if (v instanceof BigDecimal d) {
            return d.scale() <= 0 ? d.toPlainString()
                    : d.setScale(places, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** A vector such as a position, each number rounded: {@code [-0.73, 0.97, -0.61]}. */
    static String vec(Object list, int places) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(num(o, places));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** The first {@code head} and last {@code tail} items, with a count of those left out between. */
    private static List<Object> shorten(List<?> list, int head, int tail) {
        if (list.size() <= head + tail + 1) {
            return new ArrayList<>(list);
        }
        List<Object> out = new ArrayList<>(list.subList(0, head));
        out.add("... " + (list.size() - head - tail) + " more ...");
        out.addAll(list.subList(list.size() - tail, list.size()));
        return out;
    }

    /** Long arrays and strings cut short, for results without a summary of their own. */
    static Object abbreviate(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), abbreviate(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Math.min(list.size(), MAX_LIST); i++) {
                out.add(abbreviate(list.get(i)));
            }
            if (list.size() > MAX_LIST) {
                out.add("... " + (list.size() - MAX_LIST) + " more");
            }
            return out;
        }
        if (value instanceof String s && s.length() > MAX_STRING) {
            return s.substring(0, MAX_STRING) + "... (" + s.length() + " characters)";
        }
        return value;
    }
}
