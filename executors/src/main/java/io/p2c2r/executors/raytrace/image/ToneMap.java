package io.p2c2r.executors.raytrace.image;

import io.p2c2r.executors.raytrace.render.Frame;

/**
 * Turns linear radiance into 8-bit sRGB. {@link Mode#CLAMP} clips at 1 (direct-lighting renders, whose
 * values are already display-scaled); {@link Mode#REINHARD} maps {@code c} to {@code c / (1 + c)} so that
 * bright path-traced light sources compress instead of clipping. Quantisation compares against a table of
 * the 255 linear thresholds between codes, so no transcendental is evaluated per pixel. Stateless.
 */
public final class ToneMap {
    /** How radiance is brought into [0, 1] before the sRGB curve. */
    public enum Mode { CLAMP, REINHARD }

    private static final double[] THRESHOLDS = thresholds();

    private ToneMap() {}

    /** Row-major RGB bytes, 3 per pixel. */
    public static byte[] toSrgb8(Frame frame, Mode mode) {
        float[] in = frame.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            if (mode == Mode.REINHARD) {
                v = v > 0 ? v / (1 + v) : 0;
            }
            out[i] = (byte) encode(v);
        }
        return out;
    }

    /** The 8-bit sRGB code nearest to linear value {@code v} (clamped to [0, 1]). */
    public static int encode(double v) {
        int lo = 0;
        int hi = THRESHOLDS.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (THRESHOLDS[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** THRESHOLDS[k] is the linear value where code k+1 starts: the sRGB decode of (k + 0.5) / 255. */
    private static double[] thresholds() {
        double[] t = new double[255];
        for (int k = 0; k < 255; k++) {
            double e = (k + 0.5) / 255;
            t[k] = e <= 0.04045 ? e / 12.92 : StrictMath.pow((e + 0.055) / 1.055, 2.4);
        }
        return t;
    }
}
