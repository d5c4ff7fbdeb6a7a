package io.p2c2r.executors.image;

/**
 * The deflate alphabets of RFC 1951 section 3.2.5: which length and distance codes, with how many extra
 * bits, stand for a match. Constant tables; safe from any thread.
 */
final class Symbols {
    static final int END_OF_BLOCK = 256;
    static final int LITERAL_LENGTH_CODES = 286;
    static final int DISTANCE_CODES = 30;
    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
        769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
        11, 11, 12, 12, 13, 13};
    /** The fixed Huffman code lengths of section 3.2.6; their canonical codes are the fixed codes. */
    static final int[] FIXED_LITERAL_LENGTHS = new int[288];
    static final int[] FIXED_DISTANCE_LENGTHS = new int[DISTANCE_CODES];
    private static final byte[] LENGTH_CODE = new byte[Lz77.MAX_MATCH + 1];
    private static final byte[] DISTANCE_CODE = new byte[Lz77.WINDOW + 1];

    static {
        for (int s = 0; s < 288; s++) {
            FIXED_LITERAL_LENGTHS[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        }
        java.util.Arrays.fill(FIXED_DISTANCE_LENGTHS, 5);
        for (int c = 0; c < LENGTH_BASE.length; c++) {
            for (int len = LENGTH_BASE[c]; len <= Lz77.MAX_MATCH && len < LENGTH_BASE[c] + (1 << LENGTH_EXTRA[c]); len++) {
                LENGTH_CODE[len] = (byte) c;
            }
        }
        LENGTH_CODE[Lz77.MAX_MATCH] = 28; // 258 has its own code even though code 27 could also reach it
        for (int c = 0; c < DIST_BASE.length; c++) {
            for (int d = DIST_BASE[c]; d <= Lz77.WINDOW && d < DIST_BASE[c] + (1 << DIST_EXTRA[c]); d++) {
                DISTANCE_CODE[d] = (byte) c;
            }
        }
    }

    private Symbols() {}

    /** The length code (0-28; symbol 257 + code) for a match of {@code length} bytes. */
    static int lengthCode(int length) {
        return LENGTH_CODE[length];
    }

    /** The distance code (0-29) for a back-reference {@code distance} bytes back. */
    static int distanceCode(int distance) {
        return DISTANCE_CODE[distance];
    }
}
