package io.p2c2r.executors.ai.image;

import java.io.ByteArrayOutputStream;
import java.util.zip.Adler32;

/**
 * A zlib stream writer of our own: one fixed-Huffman deflate block whose only back-references are to
 * the previous pixel and to the row above. That is all a flat-coloured map preview needs, and unlike
 * {@code java.util.zip.Deflater}, whose bytes depend on the platform's zlib build (zlib, zlib-ng, ...),
 * it gives the same bytes on every peer. Stateless; safe from any thread.
 */
final class RunDeflater {
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43,
        51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4,
        4, 4, 5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
        10, 10, 11, 11, 12, 12, 13, 13};
    private static final int MAX_MATCH = 258;
    private static final int MAX_DISTANCE = 32768;

    private RunDeflater() {}

    /** Compresses {@code data}; {@code distances} are the back-reference distances worth trying. */
    static byte[] zlib(byte[] data, int... distances) {
        Bits out = new Bits(data.length / 8 + 64);
        out.bytes.write(0x78); // deflate, 32 KiB window
        out.bytes.write(0x01); // no preset dictionary; 0x7801 is a multiple of 31 as zlib requires
        out.write(1, 1); // final block
        out.write(1, 2); // fixed Huffman codes
        int i = 0;
        while (i < data.length) {
            int bestLength = 0;
            int bestDistance = 0;
            for (int d : distances) {
                if (d > i || d > MAX_DISTANCE) {
                    continue;
                }
                int limit = Math.min(MAX_MATCH, data.length - i);
                int n = 0;
                while (n < limit && data[i + n] == data[i + n - d]) {
                    n++;
                }
                if (n > bestLength) {
                    bestLength = n;
                    bestDistance = d;
                }
            }
            if (bestLength >= 3) {
                writeMatch(out, bestLength, bestDistance);
                i += bestLength;
            } else {
                writeLiteral(out, data[i] & 0xFF);
                i++;
            }
        }
        writeLiteral(out, 256); // end of block
        out.flush();
        Adler32 adler = new Adler32();
        adler.update(data);
        long sum = adler.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.bytes.write((int) (sum >>> shift) & 0xFF);
        }
        return out.bytes.toByteArray();
    }

    private static void writeLiteral(Bits out, int v) {
        if (v < 144) {
            out.writeCode(0x30 + v, 8);
        } else if (v < 256) {
            out.writeCode(0x190 + v - 144, 9);
        } else if (v < 280) {
            out.writeCode(v - 256, 7);
        } else {
            out.writeCode(0xC0 + v - 280, 8);
        }
    }

    private static void writeMatch(Bits out, int length, int distance) {
        int lc = LENGTH_BASE.length - 1;
        while (LENGTH_BASE[lc] > length) {
            lc--;
        }
        writeLiteral(out, 257 + lc);
        out.write(length - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
        int dc = DIST_BASE.length - 1;
        while (DIST_BASE[dc] > distance) {
            dc--;
        }
        out.writeCode(dc, 5);
        out.write(distance - DIST_BASE[dc], DIST_EXTRA[dc]);
    }

    /** A deflate bit stream: values least significant bit first, Huffman codes most significant bit first. */
    private static final class Bits {
        final ByteArrayOutputStream bytes;
        private long buffer;
        private int count;

        Bits(int capacity) {
            bytes = new ByteArrayOutputStream(capacity);
        }

        void write(int value, int bits) {
            buffer |= ((long) value & ((1L << bits) - 1)) << count;
            count += bits;
            while (count >= 8) {
                bytes.write((int) buffer & 0xFF);
                buffer >>>= 8;
                count -= 8;
            }
        }

        void writeCode(int code, int bits) {
            write(Integer.reverse(code) >>> (32 - bits), bits);
        }

        void flush() {
            if (count > 0) {
                bytes.write((int) buffer & 0xFF);
                buffer = 0;
                count = 0;
            }
        }
    }
}
