package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.bvh.Bvh;
import io.p2c2r.executors.raytrace.geometry.Plane;
import io.p2c2r.executors.raytrace.math.Ray;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a renderer needs: primitives (bounded ones in a BVH, infinite planes tested directly), the
 * sampled lights, the camera, the radiance of rays that escape ({@code background}) and a Whitted-style
 * {@code ambient} term. Immutable after construction; safe to query from many threads.
 */
public final class Scene {
    /** Offset that keeps secondary rays from re-hitting the surface they leave, relative to scene scale 1-10. */
    public static final double EPSILON = 1e-4;

    // arrays rather than lists: these are read for every ray
    private final Primitive[] bounded;
    private final Primitive[] planes;
    private final Bvh bvh;
    private final List<Light> lights;
    private final Camera camera;
    private final Vec3 background;
    private final Vec3 ambient;

    public Scene(List<Primitive> primitives, List<Light> lights, Camera camera, Vec3 background, Vec3 ambient) {
        List<Primitive> b = new ArrayList<>();
        List<Primitive> p = new ArrayList<>();
        for (Primitive prim : primitives) {
            (prim.shape() instanceof Plane ? p : b).add(prim);
        }
        this.bounded = b.toArray(new Primitive[0]);
        this.planes = p.toArray(new Primitive[0]);
        this.bvh = Bvh.build(b.stream().map(Primitive::shape).toList());
        this.lights = List.copyOf(lights);
        this.camera = camera;
        this.background = background;
        this.ambient = ambient;
    }

    public List<Light> lights() {
        return lights;
    }

    public Camera camera() {
        return camera;
    }

    public Vec3 background() {
        return background;
    }

    public Vec3 ambient() {
        return ambient;
    }

    public int primitiveCount() {
        return bounded.length + planes.length;
    }

    public Bvh bvh() {
        return bvh;
    }

    /** The nearest surface along a unit-direction ray beyond {@link #EPSILON}, or null. */
    public SurfaceHit intersect(Ray ray) {
        Bvh.Hit h = bvh.closest(ray, EPSILON, Double.POSITIVE_INFINITY);
        double bestT = h == null ? Double.POSITIVE_INFINITY : h.t();
        Primitive best = h == null ? null : bounded[h.shape()];
        for (Primitive plane : planes) {
            double t = plane.shape().intersect(ray, EPSILON, bestT);
            if (t < bestT) {
                bestT = t;
                best = plane;
            }
        }
        if (best == null) {
            return null;
        }
        Vec3 point = ray.at(bestT);
        Vec3 n = best.shape().normalAt(point);
        boolean front = n.dot(ray.dir()) < 0;
        return new SurfaceHit(bestT, point, n, front ? n : n.negate(), front, best);
    }

    /** Whether anything blocks the open segment from {@code from} to {@code to}. */
    public boolean occluded(Vec3 from, Vec3 to) {
        Ray ray = new Ray(from, to.minus(from));
        double tMax = 1 - EPSILON;
        double tMin = EPSILON / Math.max(1e-9, ray.dir().length());
        if (bvh.occluded(ray, tMin, tMax)) {
            return true;
        }
        for (Primitive plane : planes) {
            if (plane.shape().intersect(ray, tMin, tMax) < tMax) {
                return true;
            }
        }
        return false;
    }
}
