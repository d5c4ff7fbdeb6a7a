package io.p2c2r.executors.raytrace.scene;

import io.p2c2r.executors.math.Vec3;
import io.p2c2r.executors.raytrace.geometry.Parallelogram;
import io.p2c2r.executors.raytrace.material.Material;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked scene description, cheap to build (validation makes one) and turned into a renderable
 * {@link Scene} (which builds the BVH) only when work starts. Area lights get their emitting surface added
 * as a primitive here. Immutable.
 */
public record SceneSpec(List<Primitive> primitives, List<Light> lights, Camera camera, Vec3 background, Vec3 ambient) {
    public SceneSpec {
        primitives = List.copyOf(primitives);
        lights = List.copyOf(lights);
    }

    public Scene toScene() {
        List<Primitive> all = new ArrayList<>(primitives);
        for (Light light : lights) {
            if (light instanceof AreaLight area) {
                Parallelogram shape = area.shape();
                all.add(new Primitive(shape, Material.emissive(area.radiance()), true));
            }
        }
        return new Scene(all, lights, camera, background, ambient);
    }
}
