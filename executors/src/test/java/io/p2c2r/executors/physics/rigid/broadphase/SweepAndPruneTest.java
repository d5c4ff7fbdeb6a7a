package io.p2c2r.executors.physics.rigid.broadphase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SweepAndPruneTest {
    @Test
    void pairs_matchBruteForce_overSeveralFrames() {
        int n = 200;
        SplittableRandom rnd = new SplittableRandom(5);
        SweepAndPrune sap = new SweepAndPrune(n, Integer.MAX_VALUE);
        double[] centre = new double[3 * n];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = rnd.nextDouble(0, 20);
        }
        for (int frame = 0; frame < 5; frame++) {
            double[] min = new double[3 * n];
            double[] max = new double[3 * n];
            for (int i = 0; i < centre.length; i++) {
                centre[i] += rnd.nextDouble(-0.5, 0.5); // coherent motion, as between steps
                min[i] = centre[i] - 0.8;
                max[i] = centre[i] + 0.8;
            }
            List<Long> expected = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    boolean overlap = true;
                    for (int k = 0; k < 3; k++) {
                        overlap &= min[3 * a + k] <= max[3 * b + k] && min[3 * b + k] <= max[3 * a + k];
                    }
                    if (overlap) {
                        expected.add((long) a * n + b);
                    }
                }
            }
            // The brute-force O(n^2) test is the definition of the pair set, in ascending order.
            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), sap.pairs(min, max, new boolean[n]));
        }
    }

    @Test
    void pairs_beyondTheLimit_giveNullBeforeCollectingThemAll() {
        int n = 100; // all at one point: 4,950 pairs
        double[] min = new double[3 * n];
        double[] max = new double[3 * n];
        java.util.Arrays.fill(max, 1);
        assertNull(new SweepAndPrune(n, 4949).pairs(min, max, new boolean[n]));
        assertEquals(4950, new SweepAndPrune(n, 4950).pairs(min, max, new boolean[n]).length);
    }
}
