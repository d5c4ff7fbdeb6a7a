package io.p2c2r.executors.bench;

import io.p2c2r.executors.image.Png;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * Times {@link Png} on a photo-like and a flat-colour image and compares its size with the platform's
 * {@code Deflater} at level 6 on the same filtered bytes; a command-line tool for docs/BENCHMARKS.md, run
 * from one thread: {@code java ... io.p2c2r.executors.bench.PngBench [runs]}.
 */
public final class PngBench {
    private PngBench() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        byte[] photo = photo(1920, 1080, 42);
        report("photo 1920x1080 rgb", runs, photo.length, () -> Png.rgb(1920, 1080, photo));
        byte[] map = new byte[512 * 512];
        for (int i = 0; i < map.length; i++) {
            int x = i % 512;
            int y = i / 512;
            // rooms and corridors: large flat blocks with straight edges
            map[i] = (byte) ((x / 64 + y / 48) % 3 == 0 ? 0 : (x % 64 < 8 || y % 48 < 6) ? 1 : 2);
        }
        int[] palette = {0x202020, 0xC8C8C8, 0x3060D0};
        report("map 512x512 indexed", runs, map.length, () -> Png.indexed(512, 512, map, palette));
        byte[] mapRgb = new byte[3 * map.length];
        for (int i = 0; i < map.length; i++) {
            int colour = palette[map[i]];
            mapRgb[3 * i] = (byte) (colour >>> 16);
            mapRgb[3 * i + 1] = (byte) (colour >>> 8);
            mapRgb[3 * i + 2] = (byte) colour;
        }
        report("map 512x512 rgb", runs, mapRgb.length, () -> Png.rgb(512, 512, mapRgb));
    }

    /** Smooth gradients and low-frequency waves plus per-pixel noise, like a noisy ray-traced render. */
    public static byte[] photo(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] rgb = new byte[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double wave = StrictMath.sin(9 * u + 4 * v) * StrictMath.cos(7 * v - 3 * u);
                int at = 3 * (y * width + x);
                for (int c = 0; c < 3; c++) {
                    double base = 128 + 70 * wave + 40 * (c == 0 ? u : c == 1 ? v : 1 - u) - 20;
                    int value = (int) Math.round(base + random.nextInt(-6, 7));
                    rgb[at + c] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
        return rgb;
    }

    private static void report(String name, int runs, int pixelBytes, java.util.function.Supplier<byte[]> encode) {
        byte[] png = encode.get();
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            encode.get();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        byte[] idat = idat(png);
        byte[] filtered = inflate(idat);
        byte[] zlib6 = deflate6(filtered);
        double[] zlibMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            deflate6(filtered);
            zlibMs[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(zlibMs);
        System.out.printf("%s: %d pixel bytes; Png %d bytes (IDAT %d), median %.1f ms (min %.1f, max %.1f);"
                + " Deflater(6) on the same filtered rows %d bytes, median %.1f ms (deflate only); size ratio %.3f%n",
                name, pixelBytes, png.length, idat.length, ms[runs / 2], ms[0], ms[runs - 1], zlib6.length,
                zlibMs[runs / 2], (double) idat.length / zlib6.length);
    }

    private static byte[] idat(byte[] png) {
        int at = 8;
        while (true) {
            int len = (png[at] & 0xFF) << 24 | (png[at + 1] & 0xFF) << 16 | (png[at + 2] & 0xFF) << 8 | png[at + 3] & 0xFF;
            if (png[at + 4] == 'I' && png[at + 5] == 'D' && png[at + 6] == 'A' && png[at + 7] == 'T') {
                return Arrays.copyOfRange(png, at + 8, at + 8 + len);
            }
            at += 12 + len;
        }
    }

    private static byte[] inflate(byte[] zlib) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                out.write(buf, 0, inflater.inflate(buf));
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("our own zlib stream does not inflate", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate6(byte[] data) {
        Deflater deflater = new Deflater(6);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
