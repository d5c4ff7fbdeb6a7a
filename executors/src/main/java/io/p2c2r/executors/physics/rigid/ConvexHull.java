package io.p2c2r.executors.physics.rigid;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.physics.math.Mat3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A convex polyhedron shape in body coordinates: centroid at the origin and axes along the principal axes
 * of inertia, so the inertia is diagonal. Faces are counter-clockwise seen from outside, with unit outward
 * normals; edges list each undirected edge once with its two faces (for the Gauss-map test). Immutable.
 *
 * @param unitInertia principal moments of inertia for a mass of 1
 */
public record ConvexHull(List<Vec3> vertices, List<int[]> faces, List<Vec3> normals, List<int[]> edges,
                         double volume, Vec3 unitInertia) implements Shape {

    /** Builds the normals and edge list; {@code vertices} must already be centred and principal. */
    public static ConvexHull of(List<Vec3> vertices, List<int[]> faces, double volume, Vec3 unitInertia) {
        List<Vec3> normals = new ArrayList<>(faces.size());
        for (int[] f : faces) {
            Vec3 n = Vec3.ZERO;
            for (int k = 0; k < f.length; k++) {
                // Newell's method: robust for slightly non-planar polygons.
                Vec3 a = vertices.get(f[k]);
                Vec3 b = vertices.get(f[(k + 1) % f.length]);
                n = n.plus(new Vec3((a.y() - b.y()) * (a.z() + b.z()), (a.z() - b.z()) * (a.x() + b.x()),
                        (a.x() - b.x()) * (a.y() + b.y())));
            }
            normals.add(n.normalizedOr(new Vec3(0, 1, 0)));
        }
        Map<Long, int[]> byPair = new HashMap<>();
        List<int[]> edges = new ArrayList<>();
        for (int fi = 0; fi < faces.size(); fi++) {
            int[] f = faces.get(fi);
            for (int k = 0; k < f.length; k++) {
                int a = Math.min(f[k], f[(k + 1) % f.length]);
                int b = Math.max(f[k], f[(k + 1) % f.length]);
                long key = (long) a * vertices.size() + b;
                int[] e = byPair.get(key);
                if (e == null) {
                    e = new int[] {a, b, fi, -1};
                    byPair.put(key, e);
                    edges.add(e); // list order = first appearance, so iteration never depends on hashing
                } else {
                    e[3] = fi;
                }
            }
        }
        edges.removeIf(e -> e[3] < 0);
        return new ConvexHull(List.copyOf(vertices), List.copyOf(faces), List.copyOf(normals), List.copyOf(edges),
                volume, unitInertia);
    }

    @Override
    public Vec3 inertia(double mass) {
        return unitInertia.times(mass);
    }

    @Override
    public Vec3 aabbHalfExtent(Mat3 rotation) {
        Vec3 e = Vec3.ZERO;
        for (Vec3 v : vertices) {
            Vec3 w = rotation.times(v);
            e = e.max(new Vec3(Math.abs(w.x()), Math.abs(w.y()), Math.abs(w.z())));
        }
        return e;
    }
}
