package io.p2c2r.executors.raytrace.math;

/**
 * A small SplitMix64 generator. One instance per pixel, seeded from (task seed, pixel index), so that a
 * pixel's samples do not depend on which thread renders it or on what else is rendered. Not thread-safe.
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The stream for one pixel: the task seed and the pixel's index in the full frame, mixed. */
    public static Rng forPixel(long seed, long pixelIndex) {
        return new Rng(mix(seed * 0x9E3779B97F4A7C15L + mix(pixelIndex + 0x632BE59BD9B4E019L)));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
