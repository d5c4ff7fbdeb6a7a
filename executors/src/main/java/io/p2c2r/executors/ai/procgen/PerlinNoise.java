package io.p2c2r.executors.ai.procgen;

import java.util.SplittableRandom;

/**
 * Improved Perlin gradient noise in two dimensions, its permutation shuffled from a seed. Only
 * additions, multiplications and floor, so the values are bit-identical on every JVM. Immutable; safe
 * from any thread.
 */
final class PerlinNoise {
    private static final double[] GX = {1, -1, 1, -1, 1, -1, 0, 0};
    private static final double[] GY = {1, 1, -1, -1, 0, 0, 1, -1};

    private final int[] perm = new int[512];

    PerlinNoise(long seed) {
        int[] p = new int[256];
        for (int i = 0; i < 256; i++) {
            p[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 255; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < 512; i++) {
            perm[i] = p[i & 255];
        }
    }

    /** Noise at {@code (x, y)}, roughly in [-1, 1], zero at integer points. */
    double at(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        int xi = (int) fx & 255;
        int yi = (int) fy & 255;
        double xf = x - fx;
        double yf = y - fy;
        double u = fade(xf);
        double v = fade(yf);
        int aa = perm[perm[xi] + yi];
        int ab = perm[perm[xi] + yi + 1];
        int ba = perm[perm[xi + 1] + yi];
        int bb = perm[perm[xi + 1] + yi + 1];
        double x1 = lerp(u, grad(aa, xf, yf), grad(ba, xf - 1, yf));
        double x2 = lerp(u, grad(ab, xf, yf - 1), grad(bb, xf - 1, yf - 1));
        return lerp(v, x1, x2);
    }

    /** Fractal Brownian motion: {@code octaves} layers, each at {@code lacunarity} times the frequency and {@code gain} times the amplitude. */
    double fbm(double x, double y, int octaves, double lacunarity, double gain) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        double frequency = 1;
        for (int o = 0; o < octaves; o++) {
            // a per-octave shift keeps the octaves' lattice points (where noise is zero) from lining up
            sum += amplitude * at(x * frequency + o * 17.31, y * frequency + o * 9.77);
            total += amplitude;
            frequency *= lacunarity;
            amplitude *= gain;
        }
        return sum / total;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    private static double lerp(double t, double a, double b) {
        return a + t * (b - a);
    }

    private static double grad(int hash, double x, double y) {
        int h = hash & 7;
        return GX[h] * x + GY[h] * y;
    }
}
