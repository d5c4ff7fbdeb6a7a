package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.geometry.Parallelogram;
import io.p2c2r.executors.raytrace.geometry.Plane;
import io.p2c2r.executors.raytrace.geometry.Sphere;
import io.p2c2r.executors.raytrace.geometry.Triangle;
import io.p2c2r.executors.raytrace.material.Material;
import io.p2c2r.executors.raytrace.material.MaterialKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scene from task data ({@code data.scene}, described in docs/TASKS.md), checking every count and
 * value against the limits below; errors name the field's path. Stateless.
 */
public final class SceneParser {
    public static final int MAX_MATERIALS = 64;
    public static final int MAX_SPHERES = 4096;
    public static final int MAX_PLANES = 16;
    public static final int MAX_MESHES = 64;
    public static final int MAX_TRIANGLES = 65_536;
    public static final int MAX_LIGHTS = 16;
    static final double MAX_COORD = 1e5;
    static final double MAX_EMISSION = 1e6;

    private SceneParser() {}

    public static SceneSpec parse(Params s) {
        s.allowOnly("camera", "materials", "spheres", "planes", "meshes", "lights", "background", "ambient");
        List<Material> materials = new ArrayList<>();
        for (Params m : s.objects("materials", MAX_MATERIALS)) {
            materials.add(material(m));
        }
        List<Primitive> prims = new ArrayList<>();
        for (Params sp : s.objects("spheres", MAX_SPHERES)) {
            sp.allowOnly("center", "radius", "material");
            Sphere shape = new Sphere(vec(sp, "center", -MAX_COORD, MAX_COORD), sp.requireDouble("radius", 1e-6, MAX_COORD));
            prims.add(new Primitive(shape, ref(sp, materials), false));
        }
        for (Params pl : s.objects("planes", MAX_PLANES)) {
            pl.allowOnly("point", "normal", "material");
            Vec3 normal = vec(pl, "normal", -1, 1);
            if (!(normal.length() > 1e-6)) {
                throw new InvalidTaskException(pl.field("normal") + " must be non-zero");
            }
            prims.add(new Primitive(new Plane(vec(pl, "point", -MAX_COORD, MAX_COORD), normal), ref(pl, materials), false));
        }
        int triangles = 0;
        int vertices = 0;
        for (Params mesh : s.objects("meshes", MAX_MESHES)) {
            mesh.allowOnly("vertices", "faces", "material");
            double[][] v = mesh.doubleRows("vertices", 3, 3 * MAX_TRIANGLES, -MAX_COORD, MAX_COORD);
            int[][] faces = mesh.intRows("faces", 3, MAX_TRIANGLES, 0, Math.max(0, v.length - 1));
            triangles += faces.length;
            vertices += v.length;
            if (vertices > 3 * MAX_TRIANGLES) {
                throw new InvalidTaskException(s.field("meshes") + " hold more than " + 3 * MAX_TRIANGLES + " vertices in all");
            }
            if (triangles > MAX_TRIANGLES) {
                throw new InvalidTaskException(s.field("meshes") + " hold more than " + MAX_TRIANGLES + " triangles in all");
            }
            Material m = ref(mesh, materials);
            for (int f = 0; f < faces.length; f++) {
                prims.add(new Primitive(triangle(mesh, f, v, faces[f]), m, false));
            }
        }
        List<Light> lights = new ArrayList<>();
        for (Params l : s.objects("lights", MAX_LIGHTS)) {
            lights.add(light(l));
        }
        Camera camera = camera(s.object("camera").orElseThrow(() -> new InvalidTaskException(s.field("camera") + " is required")));
        Vec3 background = s.has("background") ? vec(s, "background", 0, MAX_EMISSION) : Vec3.ZERO;
        Vec3 ambient = s.has("ambient") ? vec(s, "ambient", 0, 1) : Vec3.ZERO;
        return new SceneSpec(prims, lights, camera, background, ambient);
    }

    private static Material material(Params m) {
        m.allowOnly("type", "color", "roughness", "ior", "emission");
        MaterialKind kind = MaterialKind.fromWire(m.oneOf("type", "diffuse", "diffuse", "mirror", "glossy", "dielectric", "emissive"));
        boolean clear = kind == MaterialKind.MIRROR || kind == MaterialKind.DIELECTRIC;
        Vec3 color = m.has("color") ? vec(m, "color", 0, 1) : clear ? Vec3.ONE : new Vec3(0.75, 0.75, 0.75);
        double roughness = m.doubleValue("roughness", 0.3, 0.01, 1);
        double ior = m.doubleValue("ior", 1.5, 1, 3);
        Vec3 emission = m.has("emission") ? vec(m, "emission", 0, MAX_EMISSION) : Vec3.ZERO;
        if (kind == MaterialKind.EMISSIVE && !m.has("emission")) {
            throw new InvalidTaskException(m.field("emission") + " is required for an emissive material");
        }
        return new Material(kind, color, emission, kind == MaterialKind.GLOSSY ? roughness : 1, ior);
    }

    private static Light light(Params l) {
        String type = l.oneOf("type", "area", "point", "area");
        if (type.equals("point")) {
            l.allowOnly("type", "position", "intensity");
            return new PointLight(vec(l, "position", -MAX_COORD, MAX_COORD), vec(l, "intensity", 0, MAX_EMISSION));
        }
        l.allowOnly("type", "corner", "edge_u", "edge_v", "radiance");
        Vec3 u = vec(l, "edge_u", -MAX_COORD, MAX_COORD);
        Vec3 v = vec(l, "edge_v", -MAX_COORD, MAX_COORD);
        if (!(u.cross(v).length() > 1e-9)) {
            throw new InvalidTaskException(l.field("edge_u") + " and " + l.field("edge_v") + " must span a non-zero area");
        }
        return new AreaLight(new Parallelogram(vec(l, "corner", -MAX_COORD, MAX_COORD), u, v), vec(l, "radiance", 0, MAX_EMISSION));
    }

    private static Camera camera(Params c) {
        c.allowOnly("position", "look_at", "up", "fov");
        Vec3 pos = vec(c, "position", -MAX_COORD, MAX_COORD);
        Vec3 at = vec(c, "look_at", -MAX_COORD, MAX_COORD);
        Vec3 up = c.has("up") ? vec(c, "up", -1, 1) : new Vec3(0, 1, 0);
        double fov = c.doubleValue("fov", 50, 1, 170);
        try {
            return new Camera(pos, at, up, fov);
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException(c.path() + ": " + e.getMessage());
        }
    }

    private static Triangle triangle(Params mesh, int f, double[][] v, int[] face) {
        try {
            return new Triangle(Vec3.of(v[face[0]]), Vec3.of(v[face[1]]), Vec3.of(v[face[2]]));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException(mesh.field("faces") + "[" + f + "]: " + e.getMessage());
        }
    }

    private static Material ref(Params p, List<Material> materials) {
        if (materials.isEmpty()) {
            throw new InvalidTaskException(p.field("material") + " refers to a material but the scene's materials list is empty");
        }
        return materials.get(p.intValue("material", 0, 0, materials.size() - 1));
    }

    private static Vec3 vec(Params p, String name, double min, double max) {
        return Vec3.of(p.doubleArray(name, 3, 3, min, max));
    }
}
