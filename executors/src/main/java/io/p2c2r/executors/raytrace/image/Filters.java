package io.p2c2r.executors.raytrace.image;

/** PNG scanline filtering (types 0-4 of the PNG spec, section 9), chosen per row by minimum absolute sum. */
final class Filters {
    private static final int BPP = 3;

    private Filters() {}

    /** The filtered image data: each row is its filter type byte followed by the filtered bytes. */
    static byte[] filter(int width, int height, byte[] rgb) {
        int stride = 3 * width;
        byte[] out = new byte[height * (stride + 1)];
        byte[] candidate = new byte[stride];
        byte[] best = new byte[stride];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int prev = row - stride;
            long bestScore = Long.MAX_VALUE;
            int bestType = 0;
            for (int type = 0; type <= 4; type++) {
                long score = 0;
                for (int i = 0; i < stride; i++) {
                    int x = rgb[row + i] & 0xff;
                    int a = i >= BPP ? rgb[row + i - BPP] & 0xff : 0;
                    int b = y > 0 ? rgb[prev + i] & 0xff : 0;
                    int c = y > 0 && i >= BPP ? rgb[prev + i - BPP] & 0xff : 0;
                    int f = switch (type) {
                        case 0 -> x;
                        case 1 -> x - a;
                        case 2 -> x - b;
                        case 3 -> x - ((a + b) >>> 1);
                        default -> x - paeth(a, b, c);
                    };
                    candidate[i] = (byte) f;
                    score += Math.abs((byte) f);
                }
                if (score < bestScore) {
                    bestScore = score;
                    bestType = type;
                    System.arraycopy(candidate, 0, best, 0, stride);
                }
            }
            int o = y * (stride + 1);
            out[o] = (byte) bestType;
            System.arraycopy(best, 0, out, o + 1, stride);
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
