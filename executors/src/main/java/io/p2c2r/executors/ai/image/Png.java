package io.p2c2r.executors.ai.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * A minimal PNG writer (8-bit RGB or indexed colour, no filtering) whose bytes depend only on the pixels, so that map
 * previews are byte-identical on every peer. Stateless; safe from any thread.
 */
public final class Png {
    private Png() {}

    /** Encodes {@code rgb} (0xRRGGBB per pixel, row by row) as PNG bytes. */
    public static byte[] encode(int width, int height, int[] rgb) {
        check(width, height, rgb.length);
        int stride = 1 + 3 * width;
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int at = y * stride + 1; // the row's filter byte stays 0: no filter
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                raw[at++] = (byte) (p >>> 16);
                raw[at++] = (byte) (p >>> 8);
                raw[at++] = (byte) p;
            }
        }
        return png(width, height, 2, null, RunDeflater.zlib(raw, 3, stride));
    }

    /**
     * Encodes an indexed-colour image: {@code index} holds a palette position per pixel, row by row, and
     * {@code palette} up to 256 colours as 0xRRGGBB. A third of the size of RGB for maps with few colours.
     */
    public static byte[] encodeIndexed(int width, int height, byte[] index, int[] palette) {
        check(width, height, index.length);
        if (palette.length < 1 || palette.length > 256) {
            throw new IllegalArgumentException("palette of " + palette.length + " colours; allowed 1 to 256");
        }
        int stride = 1 + width;
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(index, y * width, raw, y * stride + 1, width);
        }
        byte[] plte = new byte[3 * palette.length];
        for (int i = 0; i < palette.length; i++) {
            plte[3 * i] = (byte) (palette[i] >>> 16);
            plte[3 * i + 1] = (byte) (palette[i] >>> 8);
            plte[3 * i + 2] = (byte) palette[i];
        }
        return png(width, height, 3, plte, RunDeflater.zlib(raw, 1, stride));
    }

    private static void check(int width, int height, int pixels) {
        if (width < 1 || height < 1 || (long) width * height != pixels) {
            throw new IllegalArgumentException("image " + width + " x " + height + " does not match " + pixels
                    + " pixels");
        }
    }

    private static byte[] png(int width, int height, int colorType, byte[] palette, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.length + 128);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel or per palette index
        header[9] = (byte) colorType;
        chunk(out, "IHDR", header);
        if (palette != null) {
            chunk(out, "PLTE", palette);
        }
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Base64 text of PNG bytes, ready for a JSON result. */
    public static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
