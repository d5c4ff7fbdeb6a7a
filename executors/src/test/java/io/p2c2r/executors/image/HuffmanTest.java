package io.p2c2r.executors.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HuffmanTest {
    @Test
    void fibonacciFrequencies_areLimitedToMaxBits() {
        // Fibonacci weights give the deepest possible tree: unlimited, symbol 0 would need 29 bits.
        int[] freq = new int[30];
        freq[0] = 1;
        freq[1] = 1;
        for (int i = 2; i < freq.length; i++) {
            freq[i] = freq[i - 1] + freq[i - 2];
        }
        int[] lengths = Huffman.lengths(freq, 15);
        double kraft = 0;
        for (int l : lengths) {
            assertTrue(l >= 1 && l <= 15, "length " + l);
            kraft += Math.pow(2, -l);
        }
        assertTrue(kraft <= 1.0, "a prefix code satisfies Kraft's inequality; sum " + kraft);
    }

    @Test
    void canonicalCodes_matchTheRfcExample() {
        // RFC 1951 section 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give codes 010 ... 1111.
        int[] codes = Huffman.codes(new int[] {3, 3, 3, 3, 3, 2, 4, 4});
        int[] expected = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
        int[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};
        for (int s = 0; s < expected.length; s++) {
            assertEquals(Integer.reverse(expected[s]) >>> (32 - lengths[s]), codes[s], "symbol " + s);
        }
    }

    @Test
    void unusedSymbols_getNoCode() {
        assertArrayEquals(new int[] {1, 0, 1}, Huffman.lengths(new int[] {5, 0, 7}, 15));
    }
}
