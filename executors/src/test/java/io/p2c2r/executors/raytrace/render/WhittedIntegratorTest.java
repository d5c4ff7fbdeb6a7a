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

    @Test
    void glass_withIndexOne_isInvisibleHeadOn() {
        // n = 1 on both sides: no bending and (at normal incidence) no reflection, so the wall shows through
        String common = "\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0],\"fov\":30},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[0.2,0.5,0.8]},{\"type\":\"dielectric\",\"ior\":1}],"
                + "\"planes\":[{\"point\":[0,0,-3],\"normal\":[0,0,1],\"material\":0}],"
                + "\"lights\":[{\"type\":\"point\",\"position\":[3,3,0],\"intensity\":[30,30,30]}]";
        Scene with = TestScenes.parse("{" + common + ",\"spheres\":[{\"center\":[0,0,0],\"radius\":1,\"material\":1}]}");
        Scene without = TestScenes.parse("{" + common + "}");
        Frame a = TestScenes.render(with, new WhittedIntegrator(with, 2, LightSampling.CENTER, 1), 31, 31, 1, false, 1);
        Frame b = TestScenes.render(without, new WhittedIntegrator(without, 2, LightSampling.CENTER, 1), 31, 31, 1, false, 1);
        for (int y = 13; y <= 17; y++) {
            for (int x = 13; x <= 17; x++) {
                assertEquals(b.luminance(x, y), a.luminance(x, y), 1e-3 * b.luminance(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void glass_withIndexOnePointFive_bendsTheView() {
        // the same scene with real glass: the wall seen through the ball is magnified, so not identical
        String scene = "{\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0],\"fov\":30},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[0.2,0.5,0.8]},{\"type\":\"dielectric\",\"ior\":1.5}],"
                + "\"planes\":[{\"point\":[0,0,-3],\"normal\":[0,0,1],\"material\":0}],"
                + "\"spheres\":[{\"center\":[0,0,0],\"radius\":1,\"material\":1}],"
                + "\"lights\":[{\"type\":\"point\",\"position\":[3,3,0],\"intensity\":[30,30,30]}]}";
        Scene glass = TestScenes.parse(scene);
        Frame f = TestScenes.render(glass, new WhittedIntegrator(glass, 2, LightSampling.CENTER, 1), 31, 31, 1, false, 1);
        // head-on, 4% is reflected at each of the two surfaces ((0.5/2.5)^2), the rest passes: blue wall shows
        assertTrue(f.get(15, 15, 2) > f.get(15, 15, 0), "centre should show the blue wall");
        assertTrue(f.luminance(15, 15) > 0, "light passes through glass");
    }
}
