package io.p2c2r.executors.raytrace.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.p2c2r.executors.raytrace.math.Rng;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {
    /** The pixels of a PNG file as decoded by the JDK's own reader, as row-major RGB bytes. */
    static byte[] decode(byte[] png, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        byte[] rgb = new byte[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = img.getRGB(x, y);
                int o = 3 * (y * width + x);
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return rgb;
    }

    @Test
    void encode_noiseAndGradients_decodesToSamePixelsWithTheJdkReader() throws IOException {
        int w = 37;
        int h = 23;
        byte[] rgb = new byte[3 * w * h];
        Rng rng = new Rng(5);
        for (int i = 0; i < rgb.length; i++) {
            // left half noise (filter 0/4 wins), right half smooth ramps (sub/up/average win)
            int x = (i / 3) % w;
            rgb[i] = (byte) (x < w / 2 ? rng.nextInt(256) : x * 5 + (i / (3 * w)) * 3);
        }
        assertArrayEquals(rgb, decode(Png.encode(w, h, rgb), w, h));
    }

    @Test
    void encode_sameInput_givesSameBytes() {
        byte[] rgb = new byte[3 * 16 * 9];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 31);
        }
        assertArrayEquals(Png.encode(16, 9, rgb), Png.encode(16, 9, rgb.clone()));
    }

    @Test
    void toneMap_encode_followsTheSrgbCurve() {
        assertEquals(0, ToneMap.encode(0));
        assertEquals(0, ToneMap.encode(-3));
        assertEquals(255, ToneMap.encode(1));
        assertEquals(255, ToneMap.encode(7));
        // linear 0.5 is sRGB 0.7354 = 187.5/255; 0.2158605 is the linear value of code 128 itself
        assertEquals(188, ToneMap.encode(0.5));
        assertEquals(128, ToneMap.encode(0.2158605));
        for (int k = 1; k < 1000; k++) {
            assertEquals(true, ToneMap.encode(k / 1000.0) >= ToneMap.encode((k - 1) / 1000.0));
        }
    }
}
