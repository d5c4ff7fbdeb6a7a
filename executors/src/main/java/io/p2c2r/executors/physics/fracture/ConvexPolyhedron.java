package io.p2c2r.executors.physics.fracture;

import io.p2c2r.executors.math.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * A convex polyhedron as indexed vertices and faces (each face counter-clockwise seen from outside, with
 * the plane it lies on). Built from a box and cut by half-spaces with {@link #clip}. Immutable, thread-safe.
 */
public final class ConvexPolyhedron {
    private final List<Vec3> vertices;
    private final List<int[]> faces;
    private final List<Plane> planes;

    ConvexPolyhedron(List<Vec3> vertices, List<int[]> faces, List<Plane> planes) {
        this.vertices = List.copyOf(vertices);
        this.faces = List.copyOf(faces);
        this.planes = List.copyOf(planes);
    }

    /** The axis-aligned box {@code [min, max]}. */
    public static ConvexPolyhedron box(Vec3 min, Vec3 max) {
        List<Vec3> v = new ArrayList<>(8);
        for (int i = 0; i < 8; i++) {
            v.add(new Vec3((i & 1) == 0 ? min.x() : max.x(), (i & 2) == 0 ? min.y() : max.y(),
                    (i & 4) == 0 ? min.z() : max.z()));
        }
        List<int[]> f = List.of(new int[] {0, 4, 6, 2}, new int[] {1, 3, 7, 5}, new int[] {0, 1, 5, 4},
                new int[] {2, 6, 7, 3}, new int[] {0, 2, 3, 1}, new int[] {4, 5, 7, 6});
        List<Plane> p = List.of(new Plane(new Vec3(-1, 0, 0), -min.x()), new Plane(new Vec3(1, 0, 0), max.x()),
                new Plane(new Vec3(0, -1, 0), -min.y()), new Plane(new Vec3(0, 1, 0), max.y()),
                new Plane(new Vec3(0, 0, -1), -min.z()), new Plane(new Vec3(0, 0, 1), max.z()));
        return new ConvexPolyhedron(v, f, p);
    }

    public List<Vec3> vertices() {
        return vertices;
    }

    /** Faces as vertex indices, counter-clockwise seen from outside. The arrays must not be modified. */
    public List<int[]> faces() {
        return faces;
    }

    public List<Plane> planes() {
        return planes;
    }

    /**
     * The part of this polyhedron inside {@code plane}, this same object if the plane does not cut it, or
     * null if nothing remains. Points within {@code eps} of the plane count as on it.
     */
    public ConvexPolyhedron clip(Plane plane, double eps) {
        double scale = plane.normal().length();
        if (scale == 0) {
            return this; // a degenerate plane (two equal sites) cuts nothing
        }
        double tol = eps * scale;
        double[] dist = new double[vertices.size()];
        boolean anyOut = false;
        boolean anyIn = false;
        for (int i = 0; i < dist.length; i++) {
            dist[i] = plane.eval(vertices.get(i));
            anyOut |= dist[i] > tol;
            anyIn |= dist[i] < -tol;
        }
        if (!anyOut) {
            return this;
        }
        if (!anyIn) {
            return null;
        }
        return new PolyhedronClipper(this, plane, dist, tol).run();
    }

    /** Volume by the divergence theorem: tetrahedra from the vertex mean to each face's fan triangles. */
    public double volume() {
        return massProperties()[0];
    }

    public Vec3 centroid() {
        double[] m = massProperties();
        return new Vec3(m[1], m[2], m[3]);
    }

    private double[] massProperties() {
        Vec3 ref = vertexMean();
        double vol = 0;
        Vec3 weighted = Vec3.ZERO;
        for (int[] f : faces) {
            Vec3 a = vertices.get(f[0]).minus(ref);
            for (int k = 1; k + 1 < f.length; k++) {
                Vec3 b = vertices.get(f[k]).minus(ref);
                Vec3 c = vertices.get(f[k + 1]).minus(ref);
                double v = a.dot(b.cross(c)) / 6;
                vol += v;
                weighted = weighted.plusScaled(a.plus(b).plus(c), v / 4);
            }
        }
        Vec3 centre = vol > 0 ? ref.plus(weighted.times(1 / vol)) : ref;
        return new double[] {vol, centre.x(), centre.y(), centre.z()};
    }

    public Vec3 vertexMean() {
        Vec3 s = Vec3.ZERO;
        for (Vec3 v : vertices) {
            s = s.plus(v);
        }
        return s.times(1.0 / vertices.size());
    }

    /** True if {@code p} is inside every face plane, allowing {@code eps} (in distance units) outside. */
    public boolean contains(Vec3 p, double eps) {
        for (Plane pl : planes) {
            if (pl.eval(p) > eps * pl.normal().length()) {
                return false;
            }
        }
        return true;
    }

    /** The largest distance from {@code p} to a vertex. */
    public double radiusAround(Vec3 p) {
        double r = 0;
        for (Vec3 v : vertices) {
            r = Math.max(r, v.minus(p).lengthSquared());
        }
        return Math.sqrt(r);
    }

    /**
     * True if every vertex is inside or on every face plane, every face lies on its plane and every face
     * turns counter-clockwise about its outward normal at each corner, all within {@code eps} distance.
     */
    public boolean isConvex(double eps) {
        if (faces.size() < 4) {
            return false;
        }
        for (int f = 0; f < faces.size(); f++) {
            Plane pl = planes.get(f);
            Vec3 n = pl.normal().normalizedOr(Vec3.ZERO);
            double tol = eps * pl.normal().length();
            for (Vec3 v : vertices) {
                if (pl.eval(v) > tol) {
                    return false;
                }
            }
            int[] face = faces.get(f);
            for (int k = 0; k < face.length; k++) {
                Vec3 a = vertices.get(face[k]);
                Vec3 b = vertices.get(face[(k + 1) % face.length]);
                Vec3 c = vertices.get(face[(k + 2) % face.length]);
                if (Math.abs(pl.eval(a)) > tol || b.minus(a).cross(c.minus(b)).dot(n) < -eps * eps) {
                    return false;
                }
            }
        }
        return true;
    }
}
