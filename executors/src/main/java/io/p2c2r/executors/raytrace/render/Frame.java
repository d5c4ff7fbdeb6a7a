package io.p2c2r.executors.raytrace.render;

/**
 * A rendered tile: linear RGB radiance per pixel (row-major, 3 floats each) and the number of rays cast.
 * The array is owned by whoever holds the frame; treat it as read-only once rendering returns.
 */
public record Frame(int width, int height, float[] rgb, long rays) {
    /** Linear radiance of channel {@code c} (0 red, 1 green, 2 blue) at tile pixel (x, y). */
    public double get(int x, int y, int c) {
        return rgb[3 * (y * width + x) + c];
    }

    /** Rec. 709 luminance at tile pixel (x, y). */
    public double luminance(int x, int y) {
        return 0.2126 * get(x, y, 0) + 0.7152 * get(x, y, 1) + 0.0722 * get(x, y, 2);
    }
}
