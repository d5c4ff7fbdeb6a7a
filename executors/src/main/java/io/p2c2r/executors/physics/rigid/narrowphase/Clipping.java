package io.p2c2r.executors.physics.rigid.narrowphase;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import java.util.ArrayList;
import java.util.List;

/** Polygon clipping and manifold reduction helpers for the box narrow phase. Stateless and thread-safe. */
final class Clipping {
    private Clipping() {}

    /** Sutherland-Hodgman: the part of polygon {@code poly} with {@code normal . p <= offset}. */
    static List<Vec3> clip(List<Vec3> poly, Vec3 normal, double offset) {
        List<Vec3> out = new ArrayList<>(poly.size() + 2);
        int n = poly.size();
        for (int i = 0; i < n; i++) {
            Vec3 p = poly.get(i);
            Vec3 q = poly.get((i + 1) % n);
            double dp = normal.dot(p) - offset;
            double dq = normal.dot(q) - offset;
            if (dp <= 0) {
                out.add(p);
            }
            if ((dp < 0 && dq > 0) || (dp > 0 && dq < 0)) {
                out.add(p.plusScaled(q.minus(p), dp / (dp - dq)));
            }
        }
        return out;
    }

    /** Keeps at most four points: the extremes along the two reference-face axes, in a fixed order. */
    static List<ContactPoint> reduce(List<ContactPoint> pts, Vec3 u, Vec3 v) {
        if (pts.size() <= 4) {
            return pts;
        }
        return pick(pts, new int[] {extreme(pts, u, 1), extreme(pts, u, -1), extreme(pts, v, 1), extreme(pts, v, -1)});
    }

    /**
     * Like {@link #reduce} but always keeps the deepest point first, for hulls, whose many vertices may sit
     * deeper than the extremes.
     */
    static List<ContactPoint> reduceKeepingDeepest(List<ContactPoint> pts, Vec3 u, Vec3 v) {
        if (pts.size() <= 4) {
            return pts;
        }
        int deepest = 0;
        for (int i = 1; i < pts.size(); i++) {
            if (pts.get(i).depth() > pts.get(deepest).depth()) {
                deepest = i;
            }
        }
        return pick(pts, new int[] {deepest, extreme(pts, u, 1), extreme(pts, u, -1), extreme(pts, v, 1), extreme(pts, v, -1)});
    }

    /** The picked points without repeats, at most four, in pick order. */
    private static List<ContactPoint> pick(List<ContactPoint> pts, int[] pick) {
        List<ContactPoint> out = new ArrayList<>(4);
        for (int k = 0; k < pick.length && out.size() < 4; k++) {
            boolean seen = false;
            for (int m = 0; m < k; m++) {
                seen |= pick[m] == pick[k];
            }
            if (!seen) {
                out.add(pts.get(pick[k]));
            }
        }
        return out;
    }

    private static int extreme(List<ContactPoint> pts, Vec3 dir, double sign) {
        int best = 0;
        for (int i = 1; i < pts.size(); i++) {
            if (sign * dir.dot(pts.get(i).position()) > sign * dir.dot(pts.get(best).position())) {
                best = i;
            }
        }
        return best;
    }
}
