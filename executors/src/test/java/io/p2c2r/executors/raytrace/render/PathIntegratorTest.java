package io.p2c2r.executors.raytrace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.raytrace.scene.DefaultScene;
import io.p2c2r.executors.raytrace.scene.Scene;
import org.junit.jupiter.api.Test;

class PathIntegratorTest {
    @Test
    void whiteFurnace_albedoOneInUniformWhiteLight_rendersUniformOne() {
        // two overlapping spheres reflect light onto each other; with albedo 1 and a uniform environment of
        // radiance 1, every path carries exactly 1 in expectation (energy is neither lost nor created)
        Scene scene = TestScenes.parse("{\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0],\"fov\":35},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[1,1,1]}],"
                + "\"spheres\":[{\"center\":[-0.6,0,0],\"radius\":0.8},{\"center\":[0.6,0,0],\"radius\":0.8}],"
                + "\"background\":[1,1,1]}");
        Frame f = TestScenes.render(scene, new PathIntegrator(scene, 16), 24, 24, 64, true, 3);
        double sum = 0;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                double v = f.luminance(x, y);
                sum += v;
                assertEquals(1.0, v, 0.15, "pixel " + x + "," + y);
            }
        }
        assertEquals(1.0, sum / (24 * 24), 0.01);
    }

    @Test
    void furnace_withHalfAlbedo_isDarkerThanOne() {
        // guards the test above against an integrator that just returns the background
        Scene scene = TestScenes.parse("{\"camera\":{\"position\":[0,0,5],\"look_at\":[0,0,0],\"fov\":20},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[0.5,0.5,0.5]}],"
                + "\"spheres\":[{\"center\":[0,0,0],\"radius\":1}],\"background\":[1,1,1]}");
        Frame f = TestScenes.render(scene, new PathIntegrator(scene, 4), 9, 9, 16, true, 3);
        // a convex sphere sees only the environment: exactly albedo x 1 at its centre
        assertEquals(0.5, f.luminance(4, 4), 1e-6);
    }

    @Test
    void error_fallsRoughlyAsOneOverSqrtSpp() {
        Scene scene = DefaultScene.spec(2).toScene();
        int w = 32;
        int h = 18;
        PathIntegrator pt = new PathIntegrator(scene, 2);
        Frame reference = TestScenes.render(scene, pt, w, h, 1024, true, 1234);
        double e4 = TestScenes.rmse(TestScenes.render(scene, pt, w, h, 4, true, 1), reference, 0, 0, w, h);
        double e16 = TestScenes.rmse(TestScenes.render(scene, pt, w, h, 16, true, 1), reference, 0, 0, w, h);
        double e64 = TestScenes.rmse(TestScenes.render(scene, pt, w, h, 64, true, 1), reference, 0, 0, w, h);
        // 4x the samples should halve the error; the reference's own noise (1/16 of e4's variance) and
        // pixel sampling make the ratio a little smaller than 2
        assertTrue(e4 / e16 > 1.5 && e4 / e16 < 2.7, "e4/e16 = " + e4 / e16);
        assertTrue(e16 / e64 > 1.5 && e16 / e64 < 2.7, "e16/e64 = " + e16 / e64);
    }
}
