package io.p2c2r.executors.image;

import java.util.Arrays;

/**
 * A growable deflate bit stream: values are packed least significant bit first, as RFC 1951 section 3.1.1
 * requires. Not thread-safe; each encoding owns its own writer.
 */
final class BitWriter {
    private byte[] bytes;
    private int size;
    private long buffer;
    private int count;

    BitWriter(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    /** Appends the low {@code bits} bits of {@code value}; {@code bits} is at most 32. */
    void write(int value, int bits) {
        buffer |= ((long) value & ((1L << bits) - 1)) << count;
        count += bits;
        if (count >= 32) {
            ensure(4);
            bytes[size++] = (byte) buffer;
            bytes[size++] = (byte) (buffer >>> 8);
            bytes[size++] = (byte) (buffer >>> 16);
            bytes[size++] = (byte) (buffer >>> 24);
            buffer >>>= 32;
            count -= 32;
        }
    }

    /** Pads with zero bits to the next byte boundary. */
    void alignToByte() {
        while (count > 0) {
            ensure(1);
            bytes[size++] = (byte) buffer;
            buffer >>>= 8;
            count = Math.max(0, count - 8);
        }
        buffer = 0;
    }

    /** Appends a whole byte; only valid on a byte boundary. */
    void writeByte(int b) {
        if (count != 0) {
            throw new IllegalStateException(count + " bits pending; align before writing whole bytes");
        }
        ensure(1);
        bytes[size++] = (byte) b;
    }

    byte[] toByteArray() {
        alignToByte();
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}
