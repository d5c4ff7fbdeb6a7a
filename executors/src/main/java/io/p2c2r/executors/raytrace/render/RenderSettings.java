package io.p2c2r.executors.raytrace.render;

/**
 * What to render: the full frame size, the tile {@code [x0,x1) x [y0,y1)} of it to compute, samples per
 * pixel, whether sample positions are jittered inside the pixel (otherwise the pixel centre) and the seed
 * of the per-pixel random streams. Immutable.
 */
public record RenderSettings(int width, int height, int x0, int y0, int x1, int y1, int samplesPerPixel,
                             boolean jitter, long seed) {
    public RenderSettings {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame " + width + "x" + height + " must be at least 1x1");
        }
        if (x0 < 0 || y0 < 0 || x1 > width || y1 > height || x0 >= x1 || y0 >= y1) {
            throw new IllegalArgumentException("tile [" + x0 + "," + y0 + "," + x1 + "," + y1
                    + "] must be a non-empty region of the " + width + "x" + height + " frame");
        }
        if (samplesPerPixel < 1) {
            throw new IllegalArgumentException("samples per pixel " + samplesPerPixel + " must be at least 1");
        }
    }

    public static RenderSettings fullFrame(int width, int height, int spp, boolean jitter, long seed) {
        return new RenderSettings(width, height, 0, 0, width, height, spp, jitter, seed);
    }

    public int tileWidth() {
        return x1 - x0;
    }

    public int tileHeight() {
        return y1 - y0;
    }
}
