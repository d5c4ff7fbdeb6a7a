package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.geometry.Parallelogram;
import io.p2c2r.executors.raytrace.geometry.Plane;
import io.p2c2r.executors.raytrace.geometry.Sphere;
import io.p2c2r.executors.raytrace.geometry.Triangle;
import io.p2c2r.executors.raytrace.material.Material;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scene: a closed 8 x 5 x 11 room with a red left wall and a green right wall, a mirror
 * sphere, a glass sphere, a glossy gold sphere, a rotated diffuse box (a triangle mesh), a blue diffuse
 * sphere and 1-8 square area lights under the ceiling whose total power does not depend on their number.
 * Shows reflections, refraction, soft shadows and colour bleeding. Stateless.
 */
public final class DefaultScene {
    public static final int MAX_LIGHTS = 8;
    static final double HALF_WIDTH = 4;
    static final double HEIGHT = 5;
    static final double BACK = -5;
    static final double FRONT = 6;
    private static final double LIGHT_SIZE = 1.2;
    private static final double TOTAL_RADIANCE = 40;

    private DefaultScene() {}

    public static SceneSpec spec(int lights) {
        if (lights < 1 || lights > MAX_LIGHTS) {
            throw new IllegalArgumentException("lights " + lights + " must be in [1, " + MAX_LIGHTS + "]");
        }
        Material white = Material.diffuse(new Vec3(0.73, 0.73, 0.73));
        List<Primitive> p = new ArrayList<>();
        p.add(plane(new Vec3(0, 0, 0), new Vec3(0, 1, 0), Material.diffuse(new Vec3(0.72, 0.70, 0.66))));
        p.add(plane(new Vec3(0, HEIGHT, 0), new Vec3(0, -1, 0), white));
        p.add(plane(new Vec3(-HALF_WIDTH, 0, 0), new Vec3(1, 0, 0), Material.diffuse(new Vec3(0.65, 0.06, 0.05))));
        p.add(plane(new Vec3(HALF_WIDTH, 0, 0), new Vec3(-1, 0, 0), Material.diffuse(new Vec3(0.12, 0.45, 0.15))));
        p.add(plane(new Vec3(0, 0, BACK), new Vec3(0, 0, 1), white));
        p.add(plane(new Vec3(0, 0, FRONT), new Vec3(0, 0, -1), white));
        p.add(new Primitive(new Sphere(new Vec3(-1.7, 1.2, -2.4), 1.2), Material.mirror(new Vec3(0.95, 0.95, 0.95)), false));
        p.add(new Primitive(new Sphere(new Vec3(1.3, 0.9, -0.6), 0.9), Material.dielectric(Vec3.ONE, 1.5), false));
        p.add(new Primitive(new Sphere(new Vec3(0.2, 0.6, -3.9), 0.6), Material.glossy(new Vec3(0.9, 0.7, 0.3), 0.3), false));
        p.add(new Primitive(new Sphere(new Vec3(-0.9, 0.45, 0.9), 0.45), Material.diffuse(new Vec3(0.15, 0.25, 0.7)), false));
        box(p, new Vec3(2.4, 0, -3.3), new Vec3(0.7, 1.6, 0.7), 0.35, Material.diffuse(new Vec3(0.8, 0.78, 0.7)));
        Camera camera = new Camera(new Vec3(0, 2.4, 5.6), new Vec3(0, 1.7, -5), new Vec3(0, 1, 0), 52);
        return new SceneSpec(p, lights(lights), camera, Vec3.ZERO, new Vec3(0.06, 0.06, 0.06));
    }

    /** n ceiling lights in one row (up to 4) or two rows, each emitting TOTAL_RADIANCE / n. */
    private static List<Light> lights(int n) {
        int rows = n <= 4 ? 1 : 2;
        int perRow = (n + rows - 1) / rows;
        Vec3 radiance = Vec3.ONE.times(TOTAL_RADIANCE / n);
        List<Light> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int row = i / perRow;
            int inRow = Math.min(perRow, n - row * perRow);
            double cx = -2.8 + 5.6 * (i % perRow + 0.5) / inRow;
            double cz = rows == 1 ? -1.5 : row == 0 ? -3 : 0;
            Vec3 corner = new Vec3(cx - LIGHT_SIZE / 2, HEIGHT - 0.01, cz - LIGHT_SIZE / 2);
            // u x v points down, into the room
            out.add(new AreaLight(new Parallelogram(corner, new Vec3(LIGHT_SIZE, 0, 0), new Vec3(0, 0, LIGHT_SIZE)), radiance));
        }
        return out;
    }

    private static Primitive plane(Vec3 point, Vec3 normal, Material m) {
        return new Primitive(new Plane(point, normal), m, false);
    }

    /** A box standing on the floor at {@code base}, rotated by {@code angle} radians about the vertical. */
    static void box(List<Primitive> out, Vec3 base, Vec3 half, double angle, Material m) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        Vec3[] v = new Vec3[8];
        for (int i = 0; i < 8; i++) {
            double x = (i & 1) == 0 ? -half.x() : half.x();
            double y = (i & 2) == 0 ? 0 : 2 * half.y();
            double z = (i & 4) == 0 ? -half.z() : half.z();
            v[i] = new Vec3(base.x() + c * x + s * z, base.y() + y, base.z() - s * x + c * z);
        }
        int[][] faces = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        for (int[] f : faces) {
            out.add(new Primitive(new Triangle(v[f[0]], v[f[1]], v[f[2]]), m, false));
            out.add(new Primitive(new Triangle(v[f[0]], v[f[2]], v[f[3]]), m, false));
        }
    }
}
