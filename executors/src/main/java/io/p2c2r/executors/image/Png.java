package io.p2c2r.executors.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The project's one PNG encoder (8-bit RGB, greyscale or indexed colour) whose bytes depend only on the
 * pixels: adaptive row filters and our own deflate, never the platform's zlib, so that every peer produces
 * byte-identical images. Stateless; any thread may call it.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Larger images would not fit the filtered data in one Java array. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 1024L;
    private static final int GREY = 0;
    private static final int TRUECOLOUR = 2;
    private static final int INDEXED = 3;

    private Png() {}

    /** Encodes {@code rgb}, three bytes (red, green, blue) per pixel, rows from the top, as PNG bytes. */
    public static byte[] rgb(int width, int height, byte[] rgb) {
        checkSize(width, height, 3, rgb, "rgb");
        return file(width, height, TRUECOLOUR, null, Filters.adaptive(rgb, 3 * width, height, 3));
    }

    /** Encodes {@code grey}, one byte per pixel (0 black, 255 white), rows from the top, as PNG bytes. */
    public static byte[] grey(int width, int height, byte[] grey) {
        checkSize(width, height, 1, grey, "grey");
        return file(width, height, GREY, null, Filters.adaptive(grey, width, height, 1));
    }

    /**
     * Encodes an indexed-colour image: {@code index} holds a palette position per pixel, rows from the top,
     * and {@code palette} 1 to 256 colours as 0xRRGGBB. A third of the size of RGB for maps with few colours.
     */
    public static byte[] indexed(int width, int height, byte[] index, int[] palette) {
        checkSize(width, height, 1, index, "index");
        if (palette == null || palette.length < 1 || palette.length > 256) {
            throw new IllegalArgumentException("palette has " + (palette == null ? "no" : palette.length)
                    + " colours; allowed 1 to 256");
        }
        byte[] plte = new byte[3 * palette.length];
        for (int i = 0; i < palette.length; i++) {
            if ((palette[i] & 0xFF000000) != 0) {
                throw new IllegalArgumentException("palette[" + i + "] = 0x" + Integer.toHexString(palette[i])
                        + "; allowed 0x000000 to 0xFFFFFF");
            }
            plte[3 * i] = (byte) (palette[i] >>> 16);
            plte[3 * i + 1] = (byte) (palette[i] >>> 8);
            plte[3 * i + 2] = (byte) palette[i];
        }
        for (int i = 0; i < index.length; i++) {
            if ((index[i] & 0xFF) >= palette.length) {
                // Decoders reject indices past the palette (PNG specification section 11.2.3).
                throw new IllegalArgumentException("index[" + i + "] = " + (index[i] & 0xFF) + "; allowed 0 to "
                        + (palette.length - 1));
            }
        }
        return file(width, height, INDEXED, plte, Filters.none(index, width, height));
    }

    /** Base64 text of PNG bytes, ready for a JSON result. */
    public static String base64(byte[] png) {
        if (png == null) {
            throw new IllegalArgumentException("png is null");
        }
        return Base64.getEncoder().encodeToString(png);
    }

    private static void checkSize(int width, int height, int bytesPerPixel, byte[] pixels, String name) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image is " + width + " x " + height + "; width and height must be"
                    + " at least 1");
        }
        long needed = (long) width * height * bytesPerPixel;
        if (needed + height > MAX_BYTES) {
            throw new IllegalArgumentException("image is " + width + " x " + height + "; at most " + MAX_BYTES
                    + " bytes of pixel data are allowed");
        }
        if (pixels == null || pixels.length != needed) {
            throw new IllegalArgumentException(name + " has " + (pixels == null ? "no" : pixels.length)
                    + " bytes; a " + width + " x " + height + " image needs " + needed);
        }
    }

    private static byte[] file(int width, int height, int colourType, byte[] palette, byte[] filtered) {
        byte[] idat = Deflate.zlib(filtered);
        int paletteBytes = palette == null ? 0 : palette.length + 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.length + 64 + paletteBytes);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample or per palette index
        header[9] = (byte) colourType;
        chunk(out, "IHDR", header); // compression, filter method and interlace stay 0
        if (palette != null) {
            chunk(out, "PLTE", palette);
        }
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] word = new byte[4];
        putInt(word, 0, data.length);
        out.writeBytes(word);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        putInt(word, 0, (int) crc.getValue());
        out.writeBytes(word);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
