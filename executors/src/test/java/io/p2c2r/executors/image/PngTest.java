package io.p2c2r.executors.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The JDK's own PNG reader is the reference decoder for every case here. */
class PngTest {
    private static final int[][] SIZES = {{1, 1}, {3, 7}, {7, 3}, {70, 41}, {257, 5}};

    @Test
    void rgb_decodesToTheSamePixels_atOddSizes() throws IOException {
        for (int[] size : SIZES) {
            int w = size[0];
            int h = size[1];
            byte[] rgb = photoLike(w, h, 11);
            BufferedImage img = decode(Png.rgb(w, h, rgb));
            assertEquals(w, img.getWidth());
            assertEquals(h, img.getHeight());
            for (int i = 0; i < w * h; i++) {
                int expected = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | rgb[3 * i + 2] & 0xFF;
                assertEquals(expected, img.getRGB(i % w, i / w) & 0xFFFFFF, w + "x" + h + " pixel " + i);
            }
        }
    }

    @Test
    void grey_decodesToTheSameSamples_atOddSizes() throws IOException {
        for (int[] size : SIZES) {
            int w = size[0];
            int h = size[1];
            byte[] grey = new byte[w * h];
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (byte) (i % w * 3 + random.nextInt(4)); // a ramp with noise, so every filter type wins somewhere
            }
            BufferedImage img = decode(Png.grey(w, h, grey));
            for (int i = 0; i < grey.length; i++) {
                assertEquals(grey[i] & 0xFF, img.getRaster().getSample(i % w, i / w, 0), w + "x" + h + " pixel " + i);
            }
        }
    }

    @Test
    void indexed_decodesToThePaletteColours() throws IOException {
        int[] palette = {0x2B2B35, 0xC8BFA8, 0xFF00FF};
        for (int[] size : SIZES) {
            int w = size[0];
            int h = size[1];
            byte[] index = new byte[w * h];
            for (int i = 0; i < index.length; i++) {
                index[i] = (byte) ((i % w) / 4 % 3 == 0 || i / w == 2 ? 2 : (i / w) % 2);
            }
            BufferedImage img = decode(Png.indexed(w, h, index, palette));
            for (int i = 0; i < index.length; i++) {
                assertEquals(palette[index[i]], img.getRGB(i % w, i / w) & 0xFFFFFF, w + "x" + h + " pixel " + i);
            }
        }
    }

    @Test
    void samePixels_giveSameBytes() {
        byte[] rgb = photoLike(64, 48, 3);
        assertArrayEquals(Png.rgb(64, 48, rgb), Png.rgb(64, 48, rgb.clone()));
    }

    @Test
    void flatImage_compressesToAFewBitsPerRun() {
        byte[] rgb = new byte[3 * 512 * 512];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = 0x33;
            rgb[i + 1] = 0x66;
            rgb[i + 2] = (byte) 0x99;
        }
        assertTrue(Png.rgb(512, 512, rgb).length < 2_000, "786 KiB of one colour is ~3,000 runs of 258 bytes");
    }

    /**
     * Pins the encoder's exact output. Results holding PNGs are cached by executor version, so a change here
     * must come with version bumps of every executor that emits PNGs; then update the digest.
     */
    @Test
    void fixedImage_hasThePinnedDigest() throws NoSuchAlgorithmException {
        byte[] png = Png.rgb(160, 90, photoLike(160, 90, 2026));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertEquals("e207c1dc26361400c77ef36bf826f5323f51363ee3d5580af0fe4911d5cf0224", digest);
    }

    /** Smooth waves plus noise, so that filters, matches and literals all occur. */
    static byte[] photoLike(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            double wave = StrictMath.sin(i % w * 0.11) * StrictMath.cos(i / w * 0.07);
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = (byte) (120 + 60 * wave + 30 * c + random.nextInt(-4, 5));
            }
        }
        return rgb;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null, "ImageIO found no PNG");
        return img;
    }
}
