package io.p2c2r.executors.image;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads back the 8-bit RGB, non-interlaced PNGs that {@link Png#rgb} writes (any valid file of that kind, from
 * any encoder), refusing anything else. Memory is bounded before inflating: the caller says how many pixels it
 * accepts, and the inflater never writes more than the image's filtered size. Stateless; any thread may call it.
 */
public final class PngReader {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A decoded image: {@code rgb} holds three bytes per pixel, rows from the top. */
    public record Image(int width, int height, byte[] rgb) {
    }

    private PngReader() {}

    /** Decodes {@code png}; throws IllegalArgumentException naming what is wrong, or an image over {@code maxPixels}. */
    public static Image rgb(byte[] png, long maxPixels) {
        if (png == null || png.length < SIGNATURE.length + 12) {
            throw new IllegalArgumentException("png has " + (png == null ? "no" : png.length) + " bytes; too short for a PNG");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                throw new IllegalArgumentException("png does not start with the PNG signature");
            }
        }
        int at = SIGNATURE.length;
        int width = -1;
        int height = -1;
        Inflater inflater = null;
        byte[] filtered = null;
        int filled = 0;
        try {
            while (true) {
                if (at + 12 > png.length) {
                    throw new IllegalArgumentException("png ends inside a chunk at byte " + at);
                }
                long length = readInt(png, at) & 0xFFFFFFFFL;
                String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
                if (length > png.length - at - 12L) {
                    throw new IllegalArgumentException("png chunk " + type + " declares " + length + " bytes; only "
                            + (png.length - at - 12) + " remain");
                }
                int data = at + 8;
                int n = (int) length;
                CRC32 crc = new CRC32();
                crc.update(png, at + 4, 4 + n);
                if ((int) crc.getValue() != readInt(png, data + n)) {
                    throw new IllegalArgumentException("png chunk " + type + " has a wrong CRC");
                }
                at = data + n + 4;
                switch (type) {
                    case "IHDR" -> {
                        if (n != 13 || width >= 0) {
                            throw new IllegalArgumentException("png has a malformed or repeated IHDR chunk");
                        }
                        width = readInt(png, data);
                        height = readInt(png, data + 4);
                        if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                            throw new IllegalArgumentException("png is " + width + " x " + height + "; at most "
                                    + maxPixels + " pixels are accepted");
                        }
                        if (png[data + 8] != 8 || png[data + 9] != 2 || png[data + 10] != 0 || png[data + 11] != 0
                                || png[data + 12] != 0) {
                            throw new IllegalArgumentException("png is not 8-bit RGB, non-interlaced");
                        }
                        filtered = new byte[Math.toIntExact((3L * width + 1) * height)];
                        inflater = new Inflater();
                    }
                    case "IDAT" -> {
                        if (inflater == null) {
                            throw new IllegalArgumentException("png has IDAT before IHDR");
                        }
                        inflater.setInput(png, data, n);
                        filled += inflater.inflate(filtered, filled, filtered.length - filled);
                    }
                    case "IEND" -> {
                        if (inflater == null || filled != filtered.length || !inflater.finished()) {
                            throw new IllegalArgumentException("png image data holds " + filled + " bytes; "
                                    + (filtered == null ? "no header" : filtered.length + " expected"));
                        }
                        return new Image(width, height, Filters.undo(filtered, 3 * width, height, 3));
                    }
                    default -> {
                        if ((type.charAt(0) & 0x20) == 0) { // an upper-case first letter marks a critical chunk
                            throw new IllegalArgumentException("png has an unknown critical chunk " + type);
                        }
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("png image data is not valid zlib: " + e.getMessage(), e);
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
