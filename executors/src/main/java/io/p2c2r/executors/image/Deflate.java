package io.p2c2r.executors.image;

import java.util.zip.Adler32;

/**
 * Our own zlib (RFC 1950) / deflate (RFC 1951) compressor. Unlike {@code java.util.zip.Deflater}, whose
 * bytes depend on the platform's zlib build (zlib, zlib-ng, ...), its output depends only on the input,
 * so every peer produces the same bytes. Stateless; safe from any thread.
 */
final class Deflate {
    /** Tokens per block: small enough for each block's codes to follow local statistics, large enough to
     * make the ~80-byte dynamic header negligible. */
    private static final int BLOCK_TOKENS = 1 << 15;

    private Deflate() {}

    /** The zlib stream of {@code data}. */
    static byte[] zlib(byte[] data) {
        BitWriter out = new BitWriter(data.length / 3 + 64);
        out.writeByte(0x78); // deflate with a 32 KiB window
        out.writeByte(0x9C); // default level, no dictionary; 0x789C is a multiple of 31 as RFC 1950 requires
        Lz77 lz = new Lz77(data);
        int[] tokens = new int[BLOCK_TOKENS];
        do {
            int n = lz.next(tokens, BLOCK_TOKENS);
            BlockWriter.write(out, tokens, n, lz.done());
        } while (!lz.done());
        out.alignToByte();
        Adler32 adler = new Adler32();
        adler.update(data);
        int sum = (int) adler.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.writeByte(sum >>> shift);
        }
        return out.toByteArray();
    }
}
