package io.p2c2r.executors.raytrace;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.executors.raytrace.render.RenderSettings;
import io.p2c2r.executors.raytrace.scene.DefaultScene;
import io.p2c2r.executors.raytrace.scene.SceneParser;
import io.p2c2r.executors.raytrace.scene.SceneSpec;

/**
 * The fields the three ray-tracing tasks share, checked: {@code resolution}, {@code tile}, {@code seed} and
 * the scene (the built-in one with {@code lights} lights, or {@code scene}). Immutable.
 */
record FrameRequest(int width, int height, int x0, int y0, int x1, int y1, long seed, SceneSpec scene) {
    /** Largest frame: 1920 x 1080 pixels in any shape, so a PNG even of pure noise stays under 9 MB of base64. */
    static final int MAX_PIXELS = 1920 * 1080;
    static final int MAX_SIDE = 4096;
    static final long MAX_SEED = 1L << 53;

    static FrameRequest parse(Params data, int defaultWidth, int defaultHeight, int defaultLights) {
        int[] res = data.optIntArray("resolution", 2, 2, 1, MAX_SIDE).orElse(new int[] {defaultWidth, defaultHeight});
        long pixels = (long) res[0] * res[1];
        if (pixels > MAX_PIXELS) {
            throw new InvalidTaskException(data.field("resolution") + " = [" + res[0] + ", " + res[1] + "] has " + pixels
                    + " pixels; the limit is " + MAX_PIXELS + " (1920x1080)");
        }
        int[] tile = data.optIntArray("tile", 4, 4, 0, MAX_SIDE).orElse(new int[] {0, 0, res[0], res[1]});
        if (tile[0] >= tile[2] || tile[1] >= tile[3] || tile[2] > res[0] || tile[3] > res[1]) {
            throw new InvalidTaskException(data.field("tile") + " = [" + tile[0] + ", " + tile[1] + ", " + tile[2] + ", "
                    + tile[3] + "] must be [x0, y0, x1, y1] with 0 <= x0 < x1 <= " + res[0] + " and 0 <= y0 < y1 <= " + res[1]);
        }
        long seed = data.longValue("seed", 1, 0, MAX_SEED);
        SceneSpec scene;
        if (data.has("scene")) {
            if (data.has("lights")) {
                throw new InvalidTaskException(data.field("lights") + " sets up the built-in scene only; with "
                        + data.field("scene") + " put the lights in " + data.field("scene") + ".lights");
            }
            scene = SceneParser.parse(data.object("scene").orElseThrow());
        } else {
            scene = DefaultScene.spec(data.intValue("lights", defaultLights, 1, DefaultScene.MAX_LIGHTS));
        }
        return new FrameRequest(res[0], res[1], tile[0], tile[1], tile[2], tile[3], seed, scene);
    }

    long tilePixels() {
        return (long) (x1 - x0) * (y1 - y0);
    }

    int lightCount() {
        return scene.lights().size();
    }

    /** Primitives the renderer builds its BVH over: the scene's own plus one quad per area light. */
    long primitiveCount() {
        return scene.primitives().size() + scene.lights().size();
    }

    RenderSettings settings(int samplesPerPixel, boolean jitter) {
        return new RenderSettings(width, height, x0, y0, x1, y1, samplesPerPixel, jitter, seed);
    }

    /** Refuses the task when the estimated ray count exceeds the budget; called before any work. */
    static void checkBudget(Params data, long estimatedRays, String formula) {
        if (estimatedRays > RayBudget.MAX_RAYS) {
            throw new InvalidTaskException(data.path() + " asks for up to " + estimatedRays + " rays (" + formula
                    + "); the limit is " + RayBudget.MAX_RAYS + ": lower the resolution, samples or bounces, or render a tile");
        }
    }
}
