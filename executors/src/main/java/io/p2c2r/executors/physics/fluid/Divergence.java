package io.p2c2r.executors.physics.fluid;

/** Root-mean-square and largest absolute divergence over the fluid cells of a grid. Immutable. */
public record Divergence(double rms, double maxAbs) {

    public static Divergence of(FluidGrid g) {
        double sum = 0;
        double max = 0;
        int n = 0;
        for (int k = 0; k < g.nz; k++) {
            for (int j = 0; j < g.ny; j++) {
                for (int i = 0; i < g.nx; i++) {
                    if (g.fluid(i, j, k)) {
                        double d = g.divergence(i, j, k);
                        sum += d * d;
                        max = Math.max(max, Math.abs(d));
                        n++;
                    }
                }
            }
        }
        return new Divergence(n == 0 ? 0 : Math.sqrt(sum / n), max);
    }
}
