package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.math.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the polyhedron left after one cut: clips each face (Sutherland-Hodgman), shares computed points
 * exactly between adjacent faces and closes the hole with a cap face. Single use, one thread.
 */
final class PolyhedronClipper {
    private final ConvexPolyhedron src;
    private final Plane plane;
    private final double[] dist;
    private final double tol;
    private final List<Vec3> outVertices = new ArrayList<>();
    private final Map<Vec3, Integer> index = new HashMap<>();
    private final List<Integer> capPoints = new ArrayList<>();

    PolyhedronClipper(ConvexPolyhedron src, Plane plane, double[] dist, double tol) {
        this.src = src;
        this.plane = plane;
        this.dist = dist;
        this.tol = tol;
    }

    ConvexPolyhedron run() {
        List<int[]> faces = new ArrayList<>();
        List<Plane> planes = new ArrayList<>();
        for (int f = 0; f < src.faces().size(); f++) {
            int[] poly = clipFace(src.faces().get(f));
            if (poly.length >= 3) {
                faces.add(poly);
                planes.add(src.planes().get(f));
            }
        }
        int[] cap = capFace();
        if (cap.length >= 3) {
            faces.add(cap);
            planes.add(plane);
        }
        return new ConvexPolyhedron(outVertices, faces, planes);
    }

    private int[] clipFace(int[] face) {
        List<Integer> out = new ArrayList<>(face.length + 1);
        for (int k = 0; k < face.length; k++) {
            int a = face[k];
            int b = face[(k + 1) % face.length];
            double da = dist[a];
            double db = dist[b];
            if (da <= tol) {
                int id = add(src.vertices().get(a));
                out.add(id);
                if (da >= -tol) {
                    capPoints.add(id);
                }
            }
            if ((da < -tol && db > tol) || (da > tol && db < -tol)) {
                int id = add(intersect(a, b));
                out.add(id);
                capPoints.add(id);
            }
        }
        return dedupe(out);
    }

    /** The edge's crossing point, computed from the endpoints in index order so both faces get the same bits. */
    private Vec3 intersect(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        Vec3 p = src.vertices().get(lo);
        Vec3 q = src.vertices().get(hi);
        double t = dist[lo] / (dist[lo] - dist[hi]);
        return p.plusScaled(q.minus(p), t);
    }

    private int add(Vec3 v) {
        Integer id = index.get(v);
        if (id == null) {
            id = outVertices.size();
            outVertices.add(v);
            index.put(v, id);
        }
        return id;
    }

    /** The new face on the cutting plane: its points sorted counter-clockwise about the outward normal. */
    private int[] capFace() {
        List<Integer> ids = new ArrayList<>();
        for (int id : capPoints) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() < 3) {
            return new int[0];
        }
        Vec3 n = plane.normal().normalizedOr(new Vec3(0, 1, 0));
        Vec3 u = n.anyPerpendicular();
        Vec3 v = n.cross(u);
        Vec3 c = Vec3.ZERO;
        for (int id : ids) {
            c = c.plus(outVertices.get(id));
        }
        c = c.times(1.0 / ids.size());
        double[] angle = new double[outVertices.size()];
        for (int id : ids) {
            Vec3 d = outVertices.get(id).minus(c);
            angle[id] = StrictMath.atan2(d.dot(v), d.dot(u));
        }
        ids.sort((p, q) -> p.equals(q) ? 0 : angle[p] != angle[q] ? Double.compare(angle[p], angle[q]) : Integer.compare(p, q));
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    private static int[] dedupe(List<Integer> poly) {
        List<Integer> out = new ArrayList<>(poly.size());
        for (int i = 0; i < poly.size(); i++) {
            int id = poly.get(i);
            if (id != poly.get((i + 1) % poly.size()).intValue()) {
                out.add(id);
            }
        }
        int[] arr = new int[out.size()];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = out.get(i);
        }
        return arr;
    }
}
