package io.p2c2r.executors.physics.rigid.narrowphase;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.Shape;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Oriented box against oriented box: separating-axis test over the 15 candidate axes, then either a
 * face contact (incident face clipped against the reference face's side planes, up to four points) or a
 * single edge-edge point. Stateless and thread-safe.
 */
final class BoxBox {
    // Prefer face axes unless an edge axis is clearly better, so resting boxes keep a stable 4-point manifold.
    private static final double EDGE_RELATIVE = 0.95;
    private static final double EDGE_ABSOLUTE = 1e-3;

    private BoxBox() {}

    static Optional<Manifold> collide(Body a, Body b) {
        Vec3 ha = ((Shape.Box) a.shape()).half();
        Vec3 hb = ((Shape.Box) b.shape()).half();
        Vec3[] axA = {a.rotation().column(0), a.rotation().column(1), a.rotation().column(2)};
        Vec3[] axB = {b.rotation().column(0), b.rotation().column(1), b.rotation().column(2)};
        Vec3 d = b.position().minus(a.position());
        double bestFace = Double.POSITIVE_INFINITY;
        int faceAxis = -1;
        for (int i = 0; i < 6; i++) {
            Vec3 axis = i < 3 ? axA[i] : axB[i - 3];
            double overlap = overlap(axis, d, axA, ha, axB, hb);
            if (overlap < 0) {
                return Optional.empty();
            }
            if (overlap < bestFace) {
                bestFace = overlap;
                faceAxis = i;
            }
        }
        double bestEdge = Double.POSITIVE_INFINITY;
        Vec3 edgeAxis = null;
        int edgeI = -1;
        int edgeJ = -1;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                Vec3 c = axA[i].cross(axB[j]);
                double len = c.length();
                if (len < 1e-6) {
                    continue; // parallel edges: covered by the face axes
                }
                Vec3 axis = c.times(1 / len);
                double overlap = overlap(axis, d, axA, ha, axB, hb);
                if (overlap < 0) {
                    return Optional.empty();
                }
                if (overlap < bestEdge) {
                    bestEdge = overlap;
                    edgeAxis = axis;
                    edgeI = i;
                    edgeJ = j;
                }
            }
        }
        if (edgeAxis != null && bestEdge < EDGE_RELATIVE * bestFace - EDGE_ABSOLUTE) {
            Vec3 n = edgeAxis.dot(d) < 0 ? edgeAxis.negate() : edgeAxis;
            return Optional.of(edgeContact(a, b, n, bestEdge, axA, ha, axB, hb, edgeI, edgeJ));
        }
        if (faceAxis < 3) {
            Vec3 n = axA[faceAxis].dot(d) < 0 ? axA[faceAxis].negate() : axA[faceAxis];
            List<ContactPoint> pts = faceContact(a.position(), axA, ha, faceAxis, n, b.position(), axB, hb);
            return pts.isEmpty() ? Optional.empty() : Optional.of(new Manifold(a, b, n, pts));
        }
        int k = faceAxis - 3;
        Vec3 nFromB = axB[k].dot(d) > 0 ? axB[k].negate() : axB[k];
        List<ContactPoint> pts = faceContact(b.position(), axB, hb, k, nFromB, a.position(), axA, ha);
        return pts.isEmpty() ? Optional.empty() : Optional.of(new Manifold(a, b, nFromB.negate(), pts));
    }

    private static double overlap(Vec3 axis, Vec3 d, Vec3[] axA, Vec3 ha, Vec3[] axB, Vec3 hb) {
        double ra = 0;
        double rb = 0;
        for (int i = 0; i < 3; i++) {
            ra += ha.get(i) * Math.abs(axA[i].dot(axis));
            rb += hb.get(i) * Math.abs(axB[i].dot(axis));
        }
        return ra + rb - Math.abs(d.dot(axis));
    }

    /**
     * Clips the incident box's face most opposed to {@code n} against the reference face (axis {@code k} of
     * the reference box, outward normal {@code n} towards the incident box); keeps the points below it.
     */
    private static List<ContactPoint> faceContact(Vec3 pr, Vec3[] axR, Vec3 hr, int k, Vec3 n,
                                                  Vec3 pi, Vec3[] axI, Vec3 hi) {
        int inc = 0;
        double most = -1;
        for (int j = 0; j < 3; j++) {
            double dot = Math.abs(axI[j].dot(n));
            if (dot > most) {
                most = dot;
                inc = j;
            }
        }
        Vec3 incNormal = axI[inc].dot(n) > 0 ? axI[inc].negate() : axI[inc];
        Vec3 incCenter = pi.plusScaled(incNormal, hi.get(inc));
        int u = (inc + 1) % 3;
        int v = (inc + 2) % 3;
        Vec3 eu = axI[u].times(hi.get(u));
        Vec3 ev = axI[v].times(hi.get(v));
        List<Vec3> poly = new ArrayList<>(List.of(incCenter.plus(eu).plus(ev), incCenter.minus(eu).plus(ev),
                incCenter.minus(eu).minus(ev), incCenter.plus(eu).minus(ev)));
        int ru = (k + 1) % 3;
        int rv = (k + 2) % 3;
        poly = Clipping.clip(poly, axR[ru], axR[ru].dot(pr) + hr.get(ru));
        poly = Clipping.clip(poly, axR[ru].negate(), -axR[ru].dot(pr) + hr.get(ru));
        poly = Clipping.clip(poly, axR[rv], axR[rv].dot(pr) + hr.get(rv));
        poly = Clipping.clip(poly, axR[rv].negate(), -axR[rv].dot(pr) + hr.get(rv));
        double faceOffset = n.dot(pr) + hr.get(k);
        List<ContactPoint> out = new ArrayList<>();
        for (Vec3 p : poly) {
            double separation = n.dot(p) - faceOffset;
            if (separation <= 0) {
                out.add(new ContactPoint(p.plusScaled(n, -separation / 2), -separation));
            }
        }
        return Clipping.reduce(out, axR[ru], axR[rv]);
    }

    private static Manifold edgeContact(Body a, Body b, Vec3 n, double depth, Vec3[] axA, Vec3 ha,
                                        Vec3[] axB, Vec3 hb, int i, int j) {
        // The edge of A parallel to A_i furthest along n, and the edge of B parallel to B_j furthest along -n.
        Vec3 pa = a.position();
        Vec3 pb = b.position();
        for (int k = 0; k < 3; k++) {
            if (k != i) {
                pa = pa.plusScaled(axA[k], axA[k].dot(n) > 0 ? ha.get(k) : -ha.get(k));
            }
            if (k != j) {
                pb = pb.plusScaled(axB[k], axB[k].dot(n) < 0 ? hb.get(k) : -hb.get(k));
            }
        }
        Vec3 da = axA[i];
        Vec3 db = axB[j];
        Vec3 r = pa.minus(pb);
        double bb = da.dot(db);
        double denom = 1 - bb * bb;
        double s = 0;
        double t = 0;
        if (denom > 1e-12) {
            s = (bb * db.dot(r) - da.dot(r)) / denom;
            s = Math.max(-ha.get(i), Math.min(ha.get(i), s));
            t = Math.max(-hb.get(j), Math.min(hb.get(j), db.dot(r) + bb * s));
        }
        Vec3 ca = pa.plusScaled(da, s);
        Vec3 cb = pb.plusScaled(db, t);
        Vec3 point = ca.plus(cb).times(0.5);
        return new Manifold(a, b, n, List.of(new ContactPoint(point, depth)));
    }
}
