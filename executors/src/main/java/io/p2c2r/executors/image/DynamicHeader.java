package io.p2c2r.executors.image;

/**
 * The code lengths of a dynamic-Huffman deflate block and their run-length-coded header (RFC 1951
 * section 3.2.7). Immutable once built; safe from any thread.
 */
final class DynamicHeader {
    /** The order in which code-length code lengths are sent, rarest-first so that HCLEN can trim the tail. */
    private static final int[] ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final int[] REPEAT_EXTRA = {2, 3, 7}; // extra bits of code-length symbols 16, 17, 18

    private final int[] literalLengths;
    private final int[] distanceLengths;
    private final int hlit;
    private final int hdist;
    private final int hclen;
    private final int[] clLengths;
    private final int[] clSymbols; // symbol | extra-bits value << 8
    private final int clCount;
    private final long bits;

    private DynamicHeader(int[] literalLengths, int[] distanceLengths) {
        this.literalLengths = literalLengths;
        this.distanceLengths = distanceLengths;
        hlit = Math.max(257, usedPrefix(literalLengths));
        hdist = Math.max(1, usedPrefix(distanceLengths));
        int[] all = new int[hlit + hdist];
        System.arraycopy(literalLengths, 0, all, 0, hlit);
        System.arraycopy(distanceLengths, 0, all, hlit, hdist);
        clSymbols = new int[all.length];
        clCount = runLengths(all, clSymbols);
        int[] clFreq = new int[19];
        for (int i = 0; i < clCount; i++) {
            clFreq[clSymbols[i] & 0xFF]++;
        }
        long cost = 0;
        for (int i = 0; i < clCount; i++) {
            int s = clSymbols[i] & 0xFF;
            cost += s >= 16 ? REPEAT_EXTRA[s - 16] : 0;
        }
        clLengths = Huffman.lengths(atLeastTwo(clFreq), 7);
        int h = 19;
        while (h > 4 && clLengths[ORDER[h - 1]] == 0) {
            h--;
        }
        hclen = h;
        bits = 14 + 3L * hclen + cost + BlockWriter.cost(clFreq, clLengths);
    }

    /** The header for a block with these symbol frequencies. */
    static DynamicHeader of(int[] literalFreq, int[] distanceFreq) {
        return new DynamicHeader(Huffman.lengths(atLeastTwo(literalFreq), 15),
                Huffman.lengths(atLeastTwo(distanceFreq), 15));
    }

    int[] literalLengths() {
        return literalLengths;
    }

    int[] distanceLengths() {
        return distanceLengths;
    }

    /** The header's size in bits, not counting the three block-header bits. */
    long bits() {
        return bits;
    }

    void write(BitWriter out) {
        out.write(hlit - 257, 5);
        out.write(hdist - 1, 5);
        out.write(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            out.write(clLengths[ORDER[i]], 3);
        }
        int[] codes = Huffman.codes(clLengths);
        for (int i = 0; i < clCount; i++) {
            int s = clSymbols[i] & 0xFF;
            out.write(codes[s], clLengths[s]);
            if (s >= 16) {
                out.write(clSymbols[i] >>> 8, REPEAT_EXTRA[s - 16]);
            }
        }
    }

    /** Run-length codes the lengths with symbols 16 (repeat previous 3-6), 17 (3-10 zeros), 18 (11-138 zeros). */
    private static int runLengths(int[] lengths, int[] out) {
        int n = 0;
        int i = 0;
        while (i < lengths.length) {
            int v = lengths[i];
            int run = 1;
            while (i + run < lengths.length && lengths[i + run] == v) {
                run++;
            }
            i += run;
            if (v == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    out[n++] = 18 | (r - 11) << 8;
                    run -= r;
                }
                if (run >= 3) {
                    out[n++] = 17 | (run - 3) << 8;
                    run = 0;
                }
            } else {
                out[n++] = v;
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    out[n++] = 16 | (r - 3) << 8;
                    run -= r;
                }
            }
            while (run-- > 0) {
                out[n++] = v;
            }
        }
        return n;
    }

    /**
     * A copy with at least two used symbols: zlib's inflater rejects some codes with a single symbol, and a
     * block without matches still needs a distance code. The padding symbols are never written.
     */
    private static int[] atLeastTwo(int[] freq) {
        int used = 0;
        for (int f : freq) {
            used += f > 0 ? 1 : 0;
        }
        if (used >= 2) {
            return freq;
        }
        int[] f = freq.clone();
        for (int s = 0; s < f.length && used < 2; s++) {
            if (f[s] == 0) {
                f[s] = 1;
                used++;
            }
        }
        return f;
    }

    private static int usedPrefix(int[] lengths) {
        int n = lengths.length;
        while (n > 0 && lengths[n - 1] == 0) {
            n--;
        }
        return n;
    }
}
