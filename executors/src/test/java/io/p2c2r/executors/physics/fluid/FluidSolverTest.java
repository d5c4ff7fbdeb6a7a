package io.p2c2r.executors.physics.fluid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.executors.ExecutionContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class FluidSolverTest {
    private static final ExecutionContext SEQ = ExecutionContext.sequential();

    @Test
    void projection_cutsDivergence_byOrdersOfMagnitude() {
        FluidGrid g = new FluidGrid(20, 20, 20);
        FluidSolver s = new FluidSolver(g, List.of(new Source(10, 4, 10, 3, 100, 2, 10, 0, 100)), 0.1, 0, 0, 100);
        for (int i = 0; i < 5; i++) {
            s.step(SEQ);
        }
        // The source forces a strongly divergent field every step; 100 CG iterations on 8,000 cells converge
        // far enough that the residual (= the divergence left on a staggered grid) drops by over 1000x.
        assertTrue(s.divergenceBefore().rms() > 0.01);
        assertTrue(s.divergenceAfter().rms() < 1e-3 * s.divergenceBefore().rms(),
                s.divergenceBefore() + " -> " + s.divergenceAfter());
    }

    @Test
    void closedBox_withoutSources_keepsItsDensity() {
        FluidGrid g = new FluidGrid(24, 24, 24);
        for (int k = 6; k < 18; k++) {
            for (int j = 6; j < 18; j++) {
                for (int i = 6; i < 18; i++) {
                    g.addDensity(i, j, k, 1);
                }
            }
        }
        for (int k = 4; k < 20; k++) {
            for (int j = 4; j < 20; j++) {
                for (int i = 4; i < 20; i++) {
                    g.setCellVelocity(i, j, k, (j - 12) * 0.5, -(i - 12) * 0.5, 1); // a swirl drifting along z
                }
            }
        }
        FluidSolver s = new FluidSolver(g, List.of(), 0.1, 0, 0, 50);
        double start = g.totalDensity();
        for (int i = 0; i < 50; i++) {
            s.step(SEQ);
        }
        // Semi-Lagrangian advection is stable but not conservative: with this swirl we measured a 5.0% loss
        // after 50 steps (about 1% per 10 steps); the stated tolerance is 6%. Nothing leaves through the walls.
        double change = Math.abs(g.totalDensity() - start) / start;
        assertTrue(change < 0.06, "relative change " + change);
        assertTrue(change > 0, "advection really moved the density");
    }

    @Test
    void symmetricSetup_staysMirrorSymmetric() {
        int n = 24;
        FluidGrid g = new FluidGrid(n, n, n);
        for (int j = 10; j < 14; j++) {
            for (int k = 0; k < n; k++) {
                g.setSolid(n / 2 - 3, j, k); // two pillars placed mirror-symmetrically about x = 12
                g.setSolid(n / 2 + 2, j, k);
            }
        }
        FluidSolver s = new FluidSolver(g, List.of(new Source(n / 2.0, 3, 9, 2.5, 100, 0, 10, 2, 100)), 0.1, 0.01, 0.01, 30);
        for (int i = 0; i < 15; i++) {
            s.step(SEQ);
        }
        // Everything is mirror-symmetric about x = 12 (cells i and 23 - i); only rounding, not the
        // order-free Jacobi and CG updates, may break the symmetry.
        double max = 0;
        double worst = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, g.density(i, j, k));
                    worst = Math.max(worst, Math.abs(g.density(i, j, k) - g.density(n - 1 - i, j, k)));
                }
            }
        }
        assertTrue(max > 1, "the plume has density");
        assertTrue(worst <= 1e-9 * max, "asymmetry " + worst + " of " + max);
    }

    @Test
    void sampler_interpolatesLinearFieldsExactly() {
        double[] f = new double[4 * 4 * 4];
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 4; i++) {
                    f[i + 4 * (j + 4 * k)] = 2 * i + 3 * j - k;
                }
            }
        }
        // Trilinear interpolation reproduces any linear function: 2 x 1.25 + 3 x 2.5 - 0.75 = 9.25.
        assertEquals(9.25, Sampler.sample(f, 4, 4, 4, 1.25, 2.5, 0.75), 1e-12);
    }

    @Test
    void solidWallAcrossTheBox_keepsEveryThingBelowIt() {
        int n = 16;
        FluidGrid g = new FluidGrid(n, n, n);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                g.setSolid(i, 8, k); // a floor-to-wall slab at y = 8 splits the box in two
            }
        }
        FluidSolver s = new FluidSolver(g, List.of(new Source(8, 3, 8, 2.5, 100, 0, 10, 0, 100)), 0.1, 0, 0, 40);
        for (int t = 0; t < 30; t++) {
            s.step(SEQ);
        }
        double above = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 9; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    above += g.density(i, j, k);
                }
            }
        }
        // Faces touching the slab are closed, so the upper half never gets velocity or density: exactly zero.
        assertTrue(g.totalDensity() > 0);
        assertEquals(0, above);
    }
}
