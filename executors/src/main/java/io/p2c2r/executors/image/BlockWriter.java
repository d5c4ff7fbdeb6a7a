package io.p2c2r.executors.image;

import static io.p2c2r.executors.image.Symbols.DISTANCE_CODES;
import static io.p2c2r.executors.image.Symbols.DIST_BASE;
import static io.p2c2r.executors.image.Symbols.DIST_EXTRA;
import static io.p2c2r.executors.image.Symbols.END_OF_BLOCK;
import static io.p2c2r.executors.image.Symbols.LENGTH_BASE;
import static io.p2c2r.executors.image.Symbols.LENGTH_EXTRA;
import static io.p2c2r.executors.image.Symbols.LITERAL_LENGTH_CODES;

/**
 * Writes one deflate block of LZ77 tokens with whichever of the fixed Huffman codes or the block's own
 * dynamic codes (RFC 1951 section 3.2.7) is smaller; a tie goes to the fixed codes. Stateless; safe from
 * any thread.
 */
final class BlockWriter {
    private static final int[] FIXED_LITERAL_CODES = Huffman.codes(Symbols.FIXED_LITERAL_LENGTHS);
    private static final int[] FIXED_DISTANCE_CODES = Huffman.codes(Symbols.FIXED_DISTANCE_LENGTHS);

    private BlockWriter() {}

    /** Writes {@code tokens[0..n)} as one block, marked final if {@code last}. */
    static void write(BitWriter out, int[] tokens, int n, boolean last) {
        int[] litFreq = new int[LITERAL_LENGTH_CODES];
        int[] distFreq = new int[DISTANCE_CODES];
        for (int i = 0; i < n; i++) {
            int t = tokens[i];
            if (t < 256) {
                litFreq[t]++;
            } else {
                int lc = Symbols.lengthCode(t >>> 16);
                int dc = Symbols.distanceCode(t & 0xFFFF);
                litFreq[257 + lc]++;
                distFreq[dc]++;
            }
        }
        litFreq[END_OF_BLOCK]++;
        DynamicHeader header = DynamicHeader.of(litFreq, distFreq);
        long fixedBits = cost(litFreq, Symbols.FIXED_LITERAL_LENGTHS)
                + cost(distFreq, Symbols.FIXED_DISTANCE_LENGTHS);
        long dynamicBits = header.bits() + cost(litFreq, header.literalLengths())
                + cost(distFreq, header.distanceLengths());
        out.write(last ? 1 : 0, 1);
        if (fixedBits <= dynamicBits) { // extra bits cost the same either way
            out.write(1, 2);
            tokens(out, tokens, n, Symbols.FIXED_LITERAL_LENGTHS, FIXED_LITERAL_CODES, Symbols.FIXED_DISTANCE_LENGTHS,
                    FIXED_DISTANCE_CODES);
        } else {
            out.write(2, 2);
            header.write(out);
            tokens(out, tokens, n, header.literalLengths(), Huffman.codes(header.literalLengths()),
                    header.distanceLengths(), Huffman.codes(header.distanceLengths()));
        }
    }

    private static void tokens(BitWriter out, int[] tokens, int n, int[] litLen, int[] litCode, int[] distLen,
            int[] distCode) {
        for (int i = 0; i < n; i++) {
            int t = tokens[i];
            if (t < 256) {
                out.write(litCode[t], litLen[t]);
                continue;
            }
            int length = t >>> 16;
            int distance = t & 0xFFFF;
            int lc = Symbols.lengthCode(length);
            out.write(litCode[257 + lc], litLen[257 + lc]);
            out.write(length - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
            int dc = Symbols.distanceCode(distance);
            out.write(distCode[dc], distLen[dc]);
            out.write(distance - DIST_BASE[dc], DIST_EXTRA[dc]);
        }
        out.write(litCode[END_OF_BLOCK], litLen[END_OF_BLOCK]);
    }

    /** The bits that symbols with these frequencies take with these code lengths, extra bits not counted. */
    static long cost(int[] freq, int[] lengths) {
        long bits = 0;
        for (int s = 0; s < freq.length; s++) {
            bits += (long) freq[s] * lengths[s];
        }
        return bits;
    }
}
