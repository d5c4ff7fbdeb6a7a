package io.p2c2r.executors.raytrace.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Simple statistics of an 8-bit RGB image. Stateless. */
public final class ImageStats {
    private ImageStats() {}

    /** Mean Rec. 709 luma of the displayed (sRGB-encoded) values, in [0, 1]. */
    public static double meanLuminance(byte[] rgb) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            r += rgb[i] & 0xff;
            g += rgb[i + 1] & 0xff;
            b += rgb[i + 2] & 0xff;
        }
        long pixels = Math.max(1, rgb.length / 3);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / (255.0 * pixels);
    }

    /** SHA-256 of the raw RGB bytes: identifies the pixels independently of the PNG compressor. */
    public static String sha256(byte[] rgb) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rgb));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
