package io.p2c2r.gamer;

import static io.p2c2r.gamer.ResultSummary.num;
import static io.p2c2r.gamer.ResultSummary.req;
import static io.p2c2r.gamer.ResultSummary.vec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The readable lines for the three physics results: counts, energies and the first bodies or largest pieces. Stateless. */
final class PhysicsSummary {
    private static final int SHOWN = 5;

    private PhysicsSummary() {}

    static String of(String type, Map<?, ?> r) {
        return switch (type) {
            case "physics_rigid_body" -> rigid(r);
            case "physics_fluid" -> fluid(r);
            default -> destruction(r);
        };
    }

    private static String rigid(Map<?, ?> r) {
        List<?> bodies = (List<?>) req(r, "bodies");
        Map<String, Integer> shapes = new TreeMap<>();
        for (Object o : bodies) {
            shapes.merge(String.valueOf(req((Map<?, ?>) o, "shape")), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder(String.format(
                "  %d bodies (%s), %s steps = %s s: kinetic energy %s J, total %s J, deepest overlap %s m (%s m during the run)%s%n",
                bodies.size(), ResultSummary.counts(shapes), req(r, "steps"), num(req(r, "time"), 3), num(req(r, "kinetic_energy"), 1),
                num(req(r, "total_energy"), 1), num(req(r, "max_penetration"), 4), num(req(r, "worst_penetration_during_run"), 4),
                r.containsKey("contact_count") ? ", " + req(r, "contact_count") + " contact point(s)" : ""));
        b.append(String.format("    %4s  %-6s  %-28s  %s", "id", "shape", "position (m)", "velocity (m/s)"));
        for (int i = 0; i < Math.min(SHOWN, bodies.size()); i++) {
            Map<?, ?> body = (Map<?, ?>) bodies.get(i);
            b.append(String.format("%n    %4s  %-6s  %-28s  %s", req(body, "id"), req(body, "shape"), vec(req(body, "position"), 2),
                    vec(req(body, "velocity"), 2)));
        }
        return b.append(bodies.size() > SHOWN ? "\n    ... " + (bodies.size() - SHOWN) + " more bodies" : "").toString();
    }

    private static String fluid(Map<?, ?> r) {
        Map<?, ?> before = (Map<?, ?>) req(r, "divergence_before_projection");
        Map<?, ?> after = (Map<?, ?>) req(r, "divergence_after_projection");
        Map<?, ?> slice = (Map<?, ?>) req(r, "density_slice");
        return String.format("  %s grid, %s steps (%s s): total density %s, max speed %s cells/s%n"
                        + "  divergence rms %s -> %s after projection (max %s -> %s)%n"
                        + "  density slice %s = %s: %sx%s, max density %s",
                vec(req(r, "grid_size"), 0).replace(", ", "x").replace("[", "").replace("]", ""), req(r, "steps"),
                num(req(r, "time"), 3), num(req(r, "total_density"), 1), num(req(r, "max_speed"), 3),
                num(req(before, "rms"), 4), num(req(after, "rms"), 4), num(req(before, "max"), 3), num(req(after, "max"), 3),
                req(slice, "axis"), req(slice, "index"), req(slice, "width"), req(slice, "height"), num(req(slice, "max_density"), 2));
    }

    private static String destruction(Map<?, ?> r) {
        List<?> fragments = (List<?>) req(r, "fragments");
        Map<String, Integer> levels = new TreeMap<>();
        List<Map<?, ?>> pieces = new ArrayList<>();
        for (Object o : fragments) {
            Map<?, ?> f = (Map<?, ?>) o;
            levels.merge("level " + req(f, "level"), 1, Integer::sum);
            pieces.add(f);
        }
        pieces.sort(Comparator.comparing((Map<?, ?> f) -> (BigDecimal) req(f, "volume")).reversed());
        StringBuilder b = new StringBuilder(String.format(
                "  %s fragments (%s): volume %s of %s m3 (relative error %s), %s step(s) simulated%n    largest:",
                req(r, "fragment_count"), ResultSummary.counts(levels), num(req(r, "fragments_volume"), 4), num(req(r, "solid_volume"), 4),
                req(r, "volume_relative_error"), req(r, "simulated_steps")));
        for (int i = 0; i < Math.min(3, pieces.size()); i++) {
            Map<?, ?> f = pieces.get(i);
            b.append(String.format("%n      #%s: %s m3, %s kg, centred at %s", req(f, "id"), num(req(f, "volume"), 4),
                    num(req(f, "mass"), 1), vec(req(f, "centroid"), 2)));
        }
        return b.toString();
    }
}
