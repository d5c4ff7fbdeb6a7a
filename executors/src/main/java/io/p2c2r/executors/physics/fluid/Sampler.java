package io.p2c2r.executors.physics.fluid;

/**
 * Trilinear interpolation in a field of {@code sx x sy x sz} samples (x fastest); the point is in the
 * field's index space and is clamped to the sampled box. Stateless and thread-safe.
 */
final class Sampler {
    private Sampler() {}

    static double sample(double[] f, int sx, int sy, int sz, double x, double y, double z) {
        x = Math.max(0, Math.min(sx - 1, x));
        y = Math.max(0, Math.min(sy - 1, y));
        z = Math.max(0, Math.min(sz - 1, z));
        int i = Math.min((int) x, sx - 2);
        int j = Math.min((int) y, sy - 2);
        int k = Math.min((int) z, sz - 2);
        double tx = x - i;
        double ty = y - j;
        double tz = z - k;
        int base = i + sx * (j + sy * k);
        int dy = sx;
        int dz = sx * sy;
        double c00 = lerp(f[base], f[base + 1], tx);
        double c10 = lerp(f[base + dy], f[base + dy + 1], tx);
        double c01 = lerp(f[base + dz], f[base + dz + 1], tx);
        double c11 = lerp(f[base + dy + dz], f[base + dy + dz + 1], tx);
        return lerp(lerp(c00, c10, ty), lerp(c01, c11, ty), tz);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
