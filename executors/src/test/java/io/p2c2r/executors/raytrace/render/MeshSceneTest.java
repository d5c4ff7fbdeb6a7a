package io.p2c2r.executors.raytrace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.raytrace.scene.Scene;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

class MeshSceneTest {
    /** A UV sphere of radius 1 at the origin as scene JSON: (rings-1) x segments x 2 triangles, outward winding. */
    private static String uvSphereMesh(int rings, int segments) {
        StringJoiner v = new StringJoiner(",");
        for (int i = 0; i <= rings; i++) {
            double theta = Math.PI * i / rings;
            for (int j = 0; j < segments; j++) {
                double phi = 2 * Math.PI * j / segments;
                v.add("[" + Math.sin(theta) * Math.cos(phi) + "," + Math.cos(theta) + "," + Math.sin(theta) * Math.sin(phi) + "]");
            }
        }
        StringJoiner f = new StringJoiner(",");
        for (int i = 0; i < rings; i++) {
            for (int j = 0; j < segments; j++) {
                int a = i * segments + j;
                int b = i * segments + (j + 1) % segments;
                int c = a + segments;
                int d = b + segments;
                if (i > 0) {
                    f.add("[" + a + "," + b + "," + c + "]");
                }
                if (i < rings - 1) {
                    f.add("[" + b + "," + d + "," + c + "]");
                }
            }
        }
        return "{\"vertices\":[" + v + "],\"faces\":[" + f + "],\"material\":0}";
    }

    private static String scene(String geometry) {
        return "{\"camera\":{\"position\":[0,0,4],\"look_at\":[0,0,0],\"fov\":40},"
                + "\"materials\":[{\"type\":\"diffuse\",\"color\":[0.8,0.8,0.8]}]," + geometry + ","
                + "\"lights\":[{\"type\":\"point\",\"position\":[0,0,4],\"intensity\":[20,20,20]}]}";
    }

    @Test
    void meshOfThousandsOfTriangles_rendersLikeTheAnalyticSphere() {
        Scene mesh = TestScenes.parse(scene("\"meshes\":[" + uvSphereMesh(48, 96) + "]"));
        Scene sphere = TestScenes.parse(scene("\"spheres\":[{\"center\":[0,0,0],\"radius\":1}]"));
        assertEquals(2 * 47 * 96, mesh.primitiveCount());
        Frame a = TestScenes.render(mesh, new WhittedIntegrator(mesh, 0, LightSampling.CENTER, 1), 64, 64, 1, false, 1);
        Frame b = TestScenes.render(sphere, new WhittedIntegrator(sphere, 0, LightSampling.CENTER, 1), 64, 64, 1, false, 1);
        int covered = 0;
        int disagree = 0;
        double maxDiff = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean inA = a.luminance(x, y) > 0;
                boolean inB = b.luminance(x, y) > 0;
                covered += inB ? 1 : 0;
                disagree += inA != inB ? 1 : 0;
                if (inA && inB) {
                    maxDiff = Math.max(maxDiff, Math.abs(a.luminance(x, y) - b.luminance(x, y)));
                }
            }
        }
        assertTrue(covered > 1000, "sphere pixels " + covered);
        // only the faceted silhouette may differ, and flat facets shade within a few percent of the sphere
        assertTrue(disagree < covered / 30, "silhouette pixels that differ: " + disagree + " of " + covered);
        assertTrue(maxDiff < 0.05 * b.luminance(32, 32), "shading difference " + maxDiff);
    }
}
