package io.p2c2r.executors.image;

import java.util.Arrays;

/**
 * Length-limited canonical Huffman codes for deflate (RFC 1951 section 3.2.2). Ties between equal
 * frequencies are broken by symbol number, so the same frequencies always give the same code lengths.
 * Stateless; safe from any thread.
 */
final class Huffman {
    private Huffman() {}

    /**
     * Code lengths for {@code freq}, none longer than {@code maxBits}; unused symbols get length 0. A single
     * used symbol gets length 1, because a deflate decoder needs at least one complete code.
     */
    static int[] lengths(int[] freq, int maxBits) {
        int[] f = freq.clone();
        while (true) {
            int[] len = unlimited(f);
            if (max(len) <= maxBits) {
                return len;
            }
            // Flattening the distribution shortens the deepest codes; rare in practice and still deterministic.
            for (int i = 0; i < f.length; i++) {
                if (f[i] > 0) {
                    f[i] = (f[i] + 1) >>> 1;
                }
            }
        }
    }

    /** Canonical codes for {@code lengths}, already bit-reversed for the least-significant-bit-first writer. */
    static int[] codes(int[] lengths) {
        int[] countPerLength = new int[16];
        for (int l : lengths) {
            countPerLength[l]++;
        }
        countPerLength[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + countPerLength[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            int l = lengths[s];
            if (l > 0) {
                codes[s] = Integer.reverse(next[l]++) >>> (32 - l);
            }
        }
        return codes;
    }

    private static int[] unlimited(int[] freq) {
        int n = freq.length;
        int used = 0;
        long[] leaves = new long[n];
        for (int s = 0; s < n; s++) {
            if (freq[s] > 0) {
                leaves[used++] = ((long) freq[s] << 32) | s; // sorts by frequency, then symbol
            }
        }
        int[] len = new int[n];
        if (used == 0) {
            return len;
        }
        if (used == 1) {
            len[(int) leaves[0]] = 1;
            return len;
        }
        Arrays.sort(leaves, 0, used);
        // Two-queue construction: leaves in sorted order, internal nodes in creation order (already sorted).
        int nodes = 2 * used - 1;
        long[] weight = new long[nodes];
        int[] parent = new int[nodes];
        for (int i = 0; i < used; i++) {
            weight[i] = leaves[i] >>> 32;
        }
        int nextLeaf = 0;
        int nextInner = used;
        for (int made = used; made < nodes; made++) {
            int a = pick(weight, used, made, nextLeaf, nextInner);
            if (a < used) {
                nextLeaf++;
            } else {
                nextInner++;
            }
            int b = pick(weight, used, made, nextLeaf, nextInner);
            if (b < used) {
                nextLeaf++;
            } else {
                nextInner++;
            }
            weight[made] = weight[a] + weight[b];
            parent[a] = made;
            parent[b] = made;
        }
        int[] depth = new int[nodes];
        for (int i = nodes - 2; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        for (int i = 0; i < used; i++) {
            len[(int) leaves[i]] = depth[i];
        }
        return len;
    }

    /** The lighter head of the two queues; a leaf wins a tie so that trees stay shallow. */
    private static int pick(long[] weight, int used, int made, int nextLeaf, int nextInner) {
        if (nextLeaf >= used) {
            return nextInner;
        }
        if (nextInner >= made) {
            return nextLeaf;
        }
        return weight[nextLeaf] <= weight[nextInner] ? nextLeaf : nextInner;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
