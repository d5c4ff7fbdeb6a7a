package io.p2c2r.executors.raytrace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.raytrace.geometry.Plane;
import io.p2c2r.executors.raytrace.scene.Camera;
import io.p2c2r.executors.raytrace.scene.Scene;
import io.p2c2r.executors.raytrace.scene.SurfaceHit;
import org.junit.jupiter.api.Test;

class WhittedIntegratorTest {
    @Test
    void mirror_facingGreenWall_showsGreen() {
        // the camera looks at a mirror ball in front of a red wall; behind the camera is a lit green wall
        Scene scene = TestScenes.parse("{\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0],\"fov\":30},"
                + "\"materials\":[{\"type\":\"mirror\",\"color\":[1,1,1]},{\"type\":\"diffuse\",\"color\":[0.1,0.8,0.1]},"
                + "{\"type\":\"diffuse\",\"color\":[0.8,0.1,0.1]}],"
                + "\"spheres\":[{\"center\":[0,0,0],\"radius\":1,\"material\":0}],"
                + "\"planes\":[{\"point\":[0,0,10],\"normal\":[0,0,-1],\"material\":1},{\"point\":[0,0,-10],\"normal\":[0,0,1],\"material\":2}],"
                + "\"lights\":[{\"type\":\"point\",\"position\":[0,4,7],\"intensity\":[40,40,40]},"
                + "{\"type\":\"point\",\"position\":[0,4,-7],\"intensity\":[40,40,40]}]}");
        Frame f = TestScenes.render(scene, new WhittedIntegrator(scene, 2, LightSampling.CENTER, 1), 33, 33, 1, false, 1);
        // centre pixel: the ray hits the ball head-on and bounces straight back to the green wall
        double r = f.get(16, 16, 0);
        double g = f.get(16, 16, 1);
        double b = f.get(16, 16, 2);
        assertTrue(g > 0.05 && g > 4 * r && g > 4 * b, "mirror centre should be green, got " + r + ", " + g + ", " + b);
        // a corner pixel misses the ball and sees the red wall directly
        assertTrue(f.get(0, 0, 0) > 4 * f.get(0, 0, 1), "corner should be red");
    }

    @Test
    void mirror_withNoBounces_isBlack() {
        Scene scene = TestScenes.parse("{\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0]},"
                + "\"materials\":[{\"type\":\"mirror\"},{\"type\":\"diffuse\"}],"
                + "\"spheres\":[{\"center\":[0,0,0],\"radius\":1,\"material\":0}],"
                + "\"planes\":[{\"point\":[0,0,10],\"normal\":[0,0,-1],\"material\":1}],"
                + "\"lights\":[{\"type\":\"point\",\"position\":[0,4,7],\"intensity\":[40,40,40]}]}");
        Frame f = TestScenes.render(scene, new WhittedIntegrator(scene, 0, LightSampling.CENTER, 1), 9, 9, 1, false, 1);
        assertEquals(0.0, f.luminance(4, 4));
    }

    @Test
    void floorPoint_behindOccluder_isDarkerThanUnoccluded() {
        Scene open = TestScenes.parse(TestScenes.floorUnderLight(false));
        Scene blocked = TestScenes.parse(TestScenes.floorUnderLight(true));
        Frame a = TestScenes.render(open, new WhittedIntegrator(open, 1, LightSampling.STRATIFIED, 16), 31, 31, 1, false, 1);
        Frame b = TestScenes.render(blocked, new WhittedIntegrator(blocked, 1, LightSampling.STRATIFIED, 16), 31, 31, 1, false, 1);
        // the centre pixel sees the floor point (0,0,0) right under the ball, in its umbra
        assertTrue(a.luminance(15, 15) > 0.1, "unoccluded floor should be lit: " + a.luminance(15, 15));
        assertTrue(b.luminance(15, 15) < 0.05 * a.luminance(15, 15), "occluded " + b.luminance(15, 15) + " vs " + a.luminance(15, 15));
    }

    @Test
    void moreShadowSamples_giveSofterAndLessNoisyPenumbra() {
        Scene open = TestScenes.parse(TestScenes.floorUnderLight(false));
        Scene blocked = TestScenes.parse(TestScenes.floorUnderLight(true));
        int w = 64;
        int h = 48;
        Frame lit = TestScenes.render(open, new WhittedIntegrator(open, 1, LightSampling.CENTER, 1), w, h, 1, false, 1);
        Frame hard = TestScenes.render(blocked, new WhittedIntegrator(blocked, 1, LightSampling.CENTER, 1), w, h, 1, false, 1);
        Frame four = TestScenes.render(blocked, new WhittedIntegrator(blocked, 1, LightSampling.STRATIFIED, 4), w, h, 1, false, 1);
        Frame many = TestScenes.render(blocked, new WhittedIntegrator(blocked, 1, LightSampling.STRATIFIED, 64), w, h, 1, false, 1);
        Frame reference = TestScenes.render(blocked, new WhittedIntegrator(blocked, 1, LightSampling.STRATIFIED, 1024), w, h, 1, false, 99);
        // softness: with one ray to the light's centre a floor pixel is either lit or not; with an area
        // estimate many pixels are partly lit (visibility strictly between 0 and 1)
        assertEquals(0, partlyLit(blocked, hard, lit), "a centre-sampled shadow has no penumbra");
        assertTrue(partlyLit(blocked, many, lit) > 100, "penumbra pixels: " + partlyLit(blocked, many, lit));
        // noise: error against a 1024-ray reference; stratified 64 vs 4 should cut it well over 2x
        double e4 = TestScenes.rmse(four, reference, 0, 0, w, h);
        double e64 = TestScenes.rmse(many, reference, 0, 0, w, h);
        assertTrue(e64 < e4 / 2, "rmse 4 samples " + e4 + ", 64 samples " + e64);
    }

    /** Floor pixels (not those showing the ball itself) whose light is partly blocked. */
    private static int partlyLit(Scene scene, Frame shadowed, Frame lit) {
        Camera.View view = scene.camera().view(shadowed.width(), shadowed.height());
        int n = 0;
        for (int y = 0; y < shadowed.height(); y++) {
            for (int x = 0; x < shadowed.width(); x++) {
                SurfaceHit hit = scene.intersect(view.ray(x + 0.5, y + 0.5));
                if (hit == null || !(hit.primitive().shape() instanceof Plane)) {
                    continue;
                }
                double full = lit.luminance(x, y);
                double v = full > 1e-6 ? shadowed.luminance(x, y) / full : 1;
                if (v > 0.02 && v < 0.98) {
                    n++;
                }
            }
        }
        return n;
    }
}
