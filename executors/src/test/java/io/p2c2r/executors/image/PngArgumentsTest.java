package io.p2c2r.executors.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PngArgumentsTest {
    @Test
    void zeroWidth_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Png.grey(0, 4, new byte[0]));
        assertEquals("image is 0 x 4; width and height must be at least 1", e.getMessage());
    }

    @Test
    void pixelCountMismatch_namesTheArray() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Png.rgb(2, 2, new byte[4]));
        assertEquals("rgb has 4 bytes; a 2 x 2 image needs 12", e.getMessage());
    }

    @Test
    void nullPixels_areRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Png.grey(1, 1, null));
        assertEquals("grey has no bytes; a 1 x 1 image needs 1", e.getMessage());
    }

    @Test
    void hugeImage_isRejectedBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Png.rgb(100_000, 100_000, new byte[1]));
        assertEquals("image is 100000 x 100000; at most " + Png.MAX_BYTES + " bytes of pixel data are allowed",
                e.getMessage());
    }

    @Test
    void emptyOrOversizedPalette_isRejected() {
        assertEquals("palette has 0 colours; allowed 1 to 256", assertThrows(IllegalArgumentException.class,
                () -> Png.indexed(1, 1, new byte[1], new int[0])).getMessage());
        assertEquals("palette has 257 colours; allowed 1 to 256", assertThrows(IllegalArgumentException.class,
                () -> Png.indexed(1, 1, new byte[1], new int[257])).getMessage());
    }

    @Test
    void paletteEntryWithAlpha_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Png.indexed(1, 1, new byte[1], new int[] {0, 0xFF123456}));
        assertEquals("palette[1] = 0xff123456; allowed 0x000000 to 0xFFFFFF", e.getMessage());
    }

    @Test
    void indexPastThePalette_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Png.indexed(2, 1, new byte[] {1, 2}, new int[] {0, 0xFFFFFF}));
        assertEquals("index[1] = 2; allowed 0 to 1", e.getMessage());
    }

    @Test
    void nullPng_cannotBeBase64d() {
        assertEquals("png is null", assertThrows(IllegalArgumentException.class, () -> Png.base64(null)).getMessage());
    }
}
