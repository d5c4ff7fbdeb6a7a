package io.p2c2r.executors.raytrace.render;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.raytrace.scene.Scene;
import io.p2c2r.executors.raytrace.scene.SceneParser;

/** Small scenes written as task JSON, and one-call renders of them, for the renderer tests. */
final class TestScenes {
    private TestScenes() {}

    static Scene parse(String sceneJson) {
        return SceneParser.parse(Codec.params("{\"scene\":" + sceneJson + "}").object("scene").orElseThrow()).toScene();
    }

    static Frame render(Scene scene, Integrator integrator, int w, int h, int spp, boolean jitter, long seed) {
        return Renderer.render(scene, integrator, RenderSettings.fullFrame(w, h, spp, jitter, seed), ExecutionContext.sequential());
    }

    /** A floor under a 2x2 area light at height 4, seen from above; optionally a sphere of radius 0.5 at height 1. */
    static String floorUnderLight(boolean occluder) {
        return "{\"camera\":{\"position\":[0,3,6],\"look_at\":[0,0,0],\"fov\":40},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[0.8,0.8,0.8]}],"
                + "\"planes\":[{\"point\":[0,0,0],\"normal\":[0,1,0],\"material\":0}],"
                + (occluder ? "\"spheres\":[{\"center\":[0,1,0],\"radius\":0.5,\"material\":0}]," : "")
                + "\"lights\":[{\"type\":\"area\",\"corner\":[-1,4,-1],\"edge_u\":[2,0,0],\"edge_v\":[0,0,2],\"radiance\":[5,5,5]}]}";
    }

    /** Root mean square difference of two frames' luminance over the rectangle [x0,x1) x [y0,y1). */
    static double rmse(Frame a, Frame b, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double d = a.luminance(x, y) - b.luminance(x, y);
                sum += d * d;
            }
        }
        return Math.sqrt(sum / ((x1 - x0) * (y1 - y0)));
    }
}
