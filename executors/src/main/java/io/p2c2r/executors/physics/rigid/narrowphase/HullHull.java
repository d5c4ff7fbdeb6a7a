package io.p2c2r.executors.physics.rigid.narrowphase;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.rigid.Body;
import io.p2c2r.executors.physics.rigid.ConvexHull;
import io.p2c2r.executors.physics.rigid.contact.ContactPoint;
import io.p2c2r.executors.physics.rigid.contact.Manifold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Convex hull against convex hull by the separating-axis test (Gregorius, GDC 2013): the face normals of
 * both hulls, and the cross products of only those edge pairs that form a face of the Minkowski difference
 * (tested on the Gauss map). Face contacts clip the incident face against the reference face's side planes;
 * edge contacts give the closest points of the two edges. Stateless and thread-safe.
 */
final class HullHull {
    private static final double EDGE_RELATIVE = 0.95;
    private static final double EDGE_ABSOLUTE = 1e-3;

    private HullHull() {}

    /** A hull posed in the world: vertices and face normals transformed once per test. */
    private record Posed(ConvexHull hull, Vec3[] v, Vec3[] n, Vec3 centre) {
        static Posed of(Body b) {
            ConvexHull h = (ConvexHull) b.shape();
            Vec3[] v = new Vec3[h.vertices().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.position().plus(b.rotation().times(h.vertices().get(i)));
            }
            Vec3[] n = new Vec3[h.normals().size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = b.rotation().times(h.normals().get(i));
            }
            return new Posed(h, v, n, b.position());
        }

        double faceOffset(int f) {
            return n[f].dot(v[hull.faces().get(f)[0]]);
        }
    }

    static Optional<Manifold> collide(Body a, Body b) {
        Posed pa = Posed.of(a);
        Posed pb = Posed.of(b);
        int[] faceA = new int[1];
        double sepA = faceQuery(pa, pb, faceA);
        if (sepA > 0) {
            return Optional.empty();
        }
        int[] faceB = new int[1];
        double sepB = faceQuery(pb, pa, faceB);
        if (sepB > 0) {
            return Optional.empty();
        }
        int[] edges = new int[2];
        Vec3[] axis = new Vec3[1];
        double sepE = edgeQuery(pa, pb, edges, axis);
        if (sepE > 0) {
            return Optional.empty();
        }
        double bestFace = Math.max(sepA, sepB);
        if (axis[0] != null && -sepE < EDGE_RELATIVE * -bestFace - EDGE_ABSOLUTE) {
            return Optional.of(edgeContact(a, b, pa, pb, edges, axis[0], -sepE));
        }
        List<ContactPoint> pts;
        Vec3 normal;
        if (sepA >= sepB - EDGE_ABSOLUTE) {
            normal = pa.n[faceA[0]];
            pts = faceContact(pa, faceA[0], pb);
        } else {
            normal = pb.n[faceB[0]].negate();
            pts = faceContact(pb, faceB[0], pa);
        }
        return pts.isEmpty() ? Optional.empty() : Optional.of(new Manifold(a, b, normal, pts));
    }

    /** The largest separation of {@code other} from a face plane of {@code ref}; the face is written to {@code best}. */
    private static double faceQuery(Posed ref, Posed other, int[] best) {
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < ref.n.length; f++) {
            double d = ref.faceOffset(f);
            double min = Double.POSITIVE_INFINITY;
            for (Vec3 v : other.v) {
                min = Math.min(min, ref.n[f].dot(v) - d);
            }
            if (min > max) {
                max = min;
                best[0] = f;
            }
        }
        return max;
    }

    private static double edgeQuery(Posed pa, Posed pb, int[] best, Vec3[] bestAxis) {
        double max = Double.NEGATIVE_INFINITY;
        List<int[]> ea = pa.hull.edges();
        List<int[]> eb = pb.hull.edges();
        // Per edge of B, once: its Gauss-map arc (negated face normals, as B enters the Minkowski difference
        // negated), the arc's plane normal d x c, and its direction.
        int nb = eb.size();
        Vec3[] c = new Vec3[nb];
        Vec3[] d = new Vec3[nb];
        Vec3[] dxc = new Vec3[nb];
        Vec3[] dirB = new Vec3[nb];
        for (int j = 0; j < nb; j++) {
            int[] e = eb.get(j);
            c[j] = pb.n[e[2]].negate();
            d[j] = pb.n[e[3]].negate();
            dxc[j] = d[j].cross(c[j]);
            dirB[j] = pb.v[e[1]].minus(pb.v[e[0]]);
        }
        for (int i = 0; i < ea.size(); i++) {
            int[] e1 = ea.get(i);
            Vec3 a = pa.n[e1[2]];
            Vec3 b = pa.n[e1[3]];
            Vec3 bxa = b.cross(a);
            Vec3 dirA = pa.v[e1[1]].minus(pa.v[e1[0]]);
            for (int j = 0; j < nb; j++) {
                // Arcs (a, b) and (c, d) cross on the unit sphere: the edge pair builds a Minkowski face.
                double cba = c[j].dot(bxa);
                double dba = d[j].dot(bxa);
                double adc = a.dot(dxc[j]);
                double bdc = b.dot(dxc[j]);
                if (!(cba * dba < 0 && adc * bdc < 0 && cba * bdc > 0)) {
                    continue;
                }
                Vec3 axis = dirA.cross(dirB[j]);
                double len = axis.length();
                if (len < 1e-9 * dirA.length() * dirB[j].length()) {
                    continue; // parallel edges: the face axes cover them
                }
                axis = axis.times(1 / len);
                if (axis.dot(pa.v[e1[0]].minus(pa.centre)) < 0) {
                    axis = axis.negate();
                }
                double sep = axis.dot(pb.v[eb.get(j)[0]].minus(pa.v[e1[0]]));
                if (sep > max) {
                    max = sep;
                    best[0] = i;
                    best[1] = j;
                    bestAxis[0] = axis;
                }
            }
        }
        return max;
    }

    private static List<ContactPoint> faceContact(Posed ref, int f, Posed inc) {
        Vec3 n = ref.n[f];
        int incFace = 0;
        double most = Double.POSITIVE_INFINITY;
        for (int g = 0; g < inc.n.length; g++) {
            double dot = inc.n[g].dot(n);
            if (dot < most) {
                most = dot;
                incFace = g;
            }
        }
        List<Vec3> poly = new ArrayList<>();
        for (int idx : inc.hull.faces().get(incFace)) {
            poly.add(inc.v[idx]);
        }
        int[] rf = ref.hull.faces().get(f);
        for (int k = 0; k < rf.length && !poly.isEmpty(); k++) {
            Vec3 p = ref.v[rf[k]];
            Vec3 q = ref.v[rf[(k + 1) % rf.length]];
            Vec3 side = q.minus(p).cross(n).normalizedOr(Vec3.ZERO);
            poly = Clipping.clip(poly, side, side.dot(p));
        }
        double offset = ref.faceOffset(f);
        List<ContactPoint> out = new ArrayList<>();
        for (Vec3 p : poly) {
            double separation = n.dot(p) - offset;
            if (separation <= 0) {
                out.add(new ContactPoint(p.plusScaled(n, -separation / 2), -separation));
            }
        }
        Vec3 u = n.anyPerpendicular();
        return Clipping.reduceKeepingDeepest(out, u, n.cross(u));
    }

    private static Manifold edgeContact(Body a, Body b, Posed pa, Posed pb, int[] edges, Vec3 n, double depth) {
        int[] e1 = pa.hull.edges().get(edges[0]);
        int[] e2 = pb.hull.edges().get(edges[1]);
        Vec3 p1 = pa.v[e1[0]];
        Vec3 d1 = pa.v[e1[1]].minus(p1);
        Vec3 p2 = pb.v[e2[0]];
        Vec3 d2 = pb.v[e2[1]].minus(p2);
        Vec3 r = p1.minus(p2);
        double a11 = d1.dot(d1);
        double a22 = d2.dot(d2);
        double a12 = d1.dot(d2);
        double denom = a11 * a22 - a12 * a12;
        double s = denom > 1e-18 ? clamp01((a12 * d2.dot(r) - a22 * d1.dot(r)) / denom) : 0;
        double t = clamp01((d2.dot(r) + a12 * s) / a22);
        Vec3 point = p1.plusScaled(d1, s).plus(p2.plusScaled(d2, t)).times(0.5);
        return new Manifold(a, b, n, List.of(new ContactPoint(point, depth)));
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
