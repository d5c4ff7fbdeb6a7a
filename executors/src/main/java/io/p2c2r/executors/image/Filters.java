package io.p2c2r.executors.image;

/**
 * PNG scanline filtering (filter types 0-4, PNG specification section 9). Each row gets the type whose
 * output has the smallest sum of absolute values as signed bytes, ties going to the lowest type: the
 * heuristic the specification recommends (section 12.8), and a pure function of the pixels. Stateless;
 * safe from any thread.
 */
final class Filters {
    private static final int TYPES = 5;

    private Filters() {}

    /**
     * The filtered image data of {@code height} rows of {@code stride} bytes with {@code bpp} bytes per
     * pixel: each row is its filter type byte followed by the filtered bytes.
     */
    static byte[] adaptive(byte[] pixels, int stride, int height, int bpp) {
        byte[] out = new byte[height * (stride + 1)];
        byte[] zeros = new byte[stride];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            // The row above the first is all zeros (PNG specification section 9.2).
            byte[] above = y == 0 ? zeros : pixels;
            int up = y == 0 ? 0 : row - stride;
            int best = bestType(pixels, row, above, up, stride, bpp);
            int o = y * (stride + 1);
            out[o] = (byte) best;
            filterRow(best, pixels, row, above, up, stride, bpp, out, o + 1);
        }
        return out;
    }

    /** Rows with no filter (type 0 each), as recommended for palette images, whose indices are not magnitudes. */
    static byte[] none(byte[] pixels, int stride, int height) {
        byte[] out = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * stride, out, y * (stride + 1) + 1, stride);
        }
        return out;
    }

    /**
     * The inverse of {@link #adaptive}: {@code filtered} rows (a type byte, then {@code stride} bytes each) back to
     * {@code height} rows of pixels. Throws IllegalArgumentException on a filter type outside 0-4.
     */
    static byte[] undo(byte[] filtered, int stride, int height, int bpp) {
        byte[] out = new byte[height * stride];
        for (int y = 0; y < height; y++) {
            int in = y * (stride + 1);
            int type = filtered[in] & 0xFF;
            if (type >= TYPES) {
                throw new IllegalArgumentException("png row " + y + " has filter type " + type + "; allowed 0 to 4");
            }
            int row = y * stride;
            for (int i = 0; i < stride; i++) {
                int a = i >= bpp ? out[row + i - bpp] & 0xFF : 0;
                int b = y > 0 ? out[row - stride + i] & 0xFF : 0;
                int c = y > 0 && i >= bpp ? out[row - stride + i - bpp] & 0xFF : 0;
                int predicted = switch (type) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    default -> paeth(a, b, c);
                };
                out[row + i] = (byte) (filtered[in + 1 + i] + predicted);
            }
        }
        return out;
    }

    /** The filter type with the smallest score for one row; all five scores come from one pass over it. */
    private static int bestType(byte[] p, int row, byte[] above, int up, int stride, int bpp) {
        long none = 0;
        long sub = 0;
        long upScore = 0;
        long average = 0;
        long paeth = 0;
        for (int i = 0; i < stride; i++) {
            int x = p[row + i] & 0xFF;
            int b = above[up + i] & 0xFF;
            int a = 0;
            int c = 0;
            if (i >= bpp) {
                a = p[row + i - bpp] & 0xFF;
                c = above[up + i - bpp] & 0xFF;
            }
            none += Math.abs((byte) x);
            sub += Math.abs((byte) (x - a));
            upScore += Math.abs((byte) (x - b));
            average += Math.abs((byte) (x - ((a + b) >>> 1)));
            paeth += Math.abs((byte) (x - paeth(a, b, c)));
        }
        long[] score = {none, sub, upScore, average, paeth};
        int best = 0;
        for (int type = 1; type < TYPES; type++) {
            if (score[type] < score[best]) {
                best = type;
            }
        }
        return best;
    }

    /** Writes one row filtered with {@code type} to {@code out} at {@code at}. */
    private static void filterRow(int type, byte[] p, int row, byte[] above, int up, int stride, int bpp,
            byte[] out, int at) {
        for (int i = 0; i < stride; i++) {
            int x = p[row + i] & 0xFF;
            int a = i >= bpp ? p[row + i - bpp] & 0xFF : 0;
            int b = above[up + i] & 0xFF;
            int predicted = switch (type) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) >>> 1;
                default -> paeth(a, b, i >= bpp ? above[up + i - bpp] & 0xFF : 0);
            };
            out[at + i] = (byte) (x - predicted);
        }
    }

    /** The Paeth predictor (PNG specification section 9.4), with p - a, p - b, p - c expanded. */
    private static int paeth(int a, int b, int c) {
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - c - c);
        // Same choice and tie order as the specification's if-chain, written as two selects so that the JIT
        // can use conditional moves: on noisy rows the branches mispredict.
        int bOrC = pb <= pc ? b : c;
        return pa <= Math.min(pb, pc) ? a : bOrC;
    }
}
