package io.p2c2r.executors.image;

import java.util.Arrays;

/**
 * Splits a byte array into deflate literals and back-references with a hash-chain match finder (3-byte
 * hash, 32 KiB window, bounded chain) and greedy matching: on noisy photographs zlib-style lazy matching
 * saved under 1% of the size for half again the time. Every choice depends only on the input bytes, so the
 * tokens are the same on every machine. Not thread-safe; one instance per encoding.
 */
final class Lz77 {
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    static final int WINDOW = 1 << 15;
    /** How many earlier positions with the same hash are tried; zlib's level 6 tries 128. */
    private static final int MAX_CHAIN = 64;
    private static final int HASH_BITS = 15;

    private final byte[] data;
    private final int[] head = new int[1 << HASH_BITS];
    private final int[] prev = new int[WINDOW];
    private int pos;
    private int inserted;
    private int matchDistance;

    Lz77(byte[] data) {
        this.data = data;
        Arrays.fill(head, -1);
    }

    boolean done() {
        return pos >= data.length;
    }

    /**
     * Writes up to {@code max} tokens into {@code tokens} and returns how many: a literal is its byte value
     * (0-255), a match is {@code length << 16 | distance}, which is always above 255.
     */
    int next(int[] tokens, int max) {
        int n = 0;
        int end = data.length;
        while (n < max && pos < end) {
            int length = longestMatch(pos);
            if (length < MIN_MATCH) {
                tokens[n++] = data[pos++] & 0xFF;
            } else {
                tokens[n++] = length << 16 | matchDistance;
                pos += length;
            }
        }
        return n;
    }

    /**
     * The longest match for the bytes at {@code p} among the nearest earlier positions with the same hash,
     * or 0 if none reaches the minimum length; its distance goes to matchDistance.
     */
    private int longestMatch(int p) {
        insertUpTo(p);
        int limit = Math.min(MAX_MATCH, data.length - p);
        if (limit < MIN_MATCH) {
            return 0;
        }
        byte[] d = data;
        byte first = d[p];
        byte second = d[p + 1];
        int best = MIN_MATCH - 1;
        int bestDistance = 0;
        int oldest = Math.max(0, p - WINDOW);
        int candidate = head[hash(p)];
        for (int left = MAX_CHAIN; candidate >= oldest && left > 0; left--) {
            // Checking the byte that would extend the best match first rejects most candidates at once.
            if (d[candidate + best] == d[p + best] && d[candidate] == first && d[candidate + 1] == second) {
                int len = 2;
                while (len < limit && d[candidate + len] == d[p + len]) {
                    len++;
                }
                if (len > best) {
                    best = len;
                    bestDistance = p - candidate;
                    if (len >= limit) {
                        break;
                    }
                }
            }
            candidate = prev[candidate & (WINDOW - 1)];
        }
        matchDistance = bestDistance;
        return best >= MIN_MATCH ? best : 0;
    }

    /** Adds every position before {@code p} that starts three bytes to the hash chains. */
    private void insertUpTo(int p) {
        int last = Math.min(p, data.length - MIN_MATCH + 1);
        for (int i = inserted; i < last; i++) {
            int h = hash(i);
            prev[i & (WINDOW - 1)] = head[h];
            head[h] = i;
        }
        inserted = Math.max(inserted, last);
    }

    private int hash(int i) {
        int v = (data[i] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF);
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }
}
