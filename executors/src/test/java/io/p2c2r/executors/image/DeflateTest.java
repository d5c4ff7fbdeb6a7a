package io.p2c2r.executors.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The platform's zlib inflater is the reference decoder: every stream must inflate back exactly. */
class DeflateTest {
    @Test
    void emptyInput_inflatesToNothing() throws DataFormatException {
        assertArrayEquals(new byte[0], inflate(Deflate.zlib(new byte[0])));
    }

    @Test
    void singleByte_roundTrips() throws DataFormatException {
        assertArrayEquals(new byte[] {42}, inflate(Deflate.zlib(new byte[] {42})));
    }

    @Test
    void longRunsAndFarDistances_roundTripAcrossManyBlocks() throws DataFormatException {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            // runs, a period just under the 32 KiB window, and a ramp
            data[i] = (byte) ((i / 1000) % 3 == 0 ? i % 251 : (i / 5000) % 2 == 0 ? data[Math.max(0, i - 32_000)] : i / 300);
        }
        assertArrayEquals(data, inflate(Deflate.zlib(data)));
    }

    @Test
    void randomBytes_roundTripAndDoNotGrowMuch() throws DataFormatException {
        byte[] data = new byte[100_000];
        new SplittableRandom(9).nextBytes(data);
        byte[] z = Deflate.zlib(data);
        assertArrayEquals(data, inflate(z));
        assertTrue(z.length < data.length * 1.01, "dynamic codes keep incompressible data near 8 bits a byte");
    }

    @Test
    void skewedBytes_roundTrip() throws DataFormatException {
        // a very uneven distribution pushes the Huffman code lengths against the 15-bit limit
        byte[] data = new byte[200_000];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Integer.numberOfTrailingZeros(random.nextInt() | 1 << 30);
        }
        assertArrayEquals(data, inflate(Deflate.zlib(data)));
    }

    static byte[] inflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 14];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("stream ended early");
                }
                out.write(buf, 0, n);
            }
            assertTrue(inflater.getRemaining() == 0, "bytes after the end of the zlib stream");
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
