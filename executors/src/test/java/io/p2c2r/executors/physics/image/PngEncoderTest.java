package io.p2c2r.executors.physics.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    @Test
    void greyImage_decodesToTheSamePixels() throws Exception {
        byte[] pixels = {0, 64, (byte) 128, (byte) 255, 1, 2};
        byte[] png = PngEncoder.grey(3, 2, pixels);
        // The JDK's own PNG reader is the reference decoder.
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(3, img.getWidth());
        assertEquals(2, img.getHeight());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(pixels[y * 3 + x] & 0xff, img.getRaster().getSample(x, y, 0), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void samePixels_giveSameBytes() {
        byte[] pixels = new byte[64 * 48];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        assertArrayEquals(PngEncoder.grey(64, 48, pixels), PngEncoder.grey(64, 48, pixels.clone()));
    }
}
