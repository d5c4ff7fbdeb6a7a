package io.p2c2r.executors.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PngReader reads back what Png writes, every filter type included, and refuses damaged or oversized files. */
class PngReaderTest {
    @Test
    void readsBackWhatPngWrites_noiseAndGradients() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] size : new int[][] {{1, 1}, {7, 5}, {64, 33}, {300, 2}}) {
            byte[] rgb = new byte[size[0] * size[1] * 3];
            for (int i = 0; i < rgb.length; i++) {
                // half noise (filter 0 wins), half smooth ramps (sub, up, average, paeth win)
                rgb[i] = (byte) (i % 2 == 0 ? random.nextInt(256) : (i / 3) % size[0] + (i / (3 * size[0])));
            }
            PngReader.Image back = PngReader.rgb(Png.rgb(size[0], size[1], rgb), (long) size[0] * size[1]);
            assertEquals(size[0], back.width());
            assertEquals(size[1], back.height());
            assertArrayEquals(rgb, back.rgb());
        }
    }

    @Test
    void refusesAWrongCrc_andMorePixelsThanAllowed() {
        byte[] png = Png.rgb(4, 4, new byte[48]);
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> PngReader.rgb(png, 15));
        assertTrue(big.getMessage().contains("at most 15 pixels"), big.getMessage());
        png[png.length - 20] ^= 1; // inside IDAT
        IllegalArgumentException crc = assertThrows(IllegalArgumentException.class, () -> PngReader.rgb(png, 16));
        assertTrue(crc.getMessage().contains("CRC"), crc.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PngReader.rgb(new byte[30], 16));
    }
}
