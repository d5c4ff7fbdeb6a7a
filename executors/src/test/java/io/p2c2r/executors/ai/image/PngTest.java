package io.p2c2r.executors.ai.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {
    @Test
    void encodedImage_decodesToTheSamePixels() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        int w = 70;
        int h = 41;
        int[] rgb = new int[w * h];
        int[] palette = {0x202020, 0xC8C8C8, 0x3060D0, 0xFFFFFF, 0x0A0B0C};
        for (int i = 0; i < rgb.length; i++) {
            // runs, repeated rows and noise, so literals and both kinds of back-reference occur
            rgb[i] = (i / w) % 5 == 0 ? rgb[Math.max(0, i - w)] : rnd.nextInt(6) == 0 ? rnd.nextInt(1 << 24)
                    : palette[(i / 7) % palette.length];
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Png.encode(w, h, rgb)));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(rgb[i], img.getRGB(i % w, i / w) & 0xFFFFFF, "pixel " + i);
        }
    }

    @Test
    void indexedImage_decodesToThePaletteColours() throws IOException {
        int w = 33;
        int h = 17;
        int[] palette = {0x2B2B35, 0xC8BFA8, 0xFF00FF};
        byte[] index = new byte[w * h];
        for (int i = 0; i < index.length; i++) {
            index[i] = (byte) ((i % w) / 4 % 3 == 0 || i / w == 8 ? 2 : (i / w) % 2);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Png.encodeIndexed(w, h, index, palette)));
        for (int i = 0; i < index.length; i++) {
            assertEquals(palette[index[i]], img.getRGB(i % w, i / w) & 0xFFFFFF, "pixel " + i);
        }
    }

    @Test
    void zlibStream_inflatesBackWithLongRunsAndFarDistances() throws DataFormatException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((i / 1000) % 3 == 0 ? i % 251 : (i / 300));
        }
        byte[] z = RunDeflater.zlib(data, 3, 20_001, 32_768);
        Inflater inf = new Inflater();
        inf.setInput(z);
        byte[] back = new byte[data.length];
        assertEquals(data.length, inf.inflate(back));
        assertTrue(inf.finished());
        assertArrayEquals(data, back);
    }

    @Test
    void flatImage_compressesWell() {
        int[] rgb = new int[512 * 512];
        java.util.Arrays.fill(rgb, 0x336699);
        assertTrue(Png.encode(512, 512, rgb).length < 12_000, "runs of 258 bytes cost a few bits each");
    }
}
