package io.p2c2r.executors.bench;

import io.p2c2r.executors.WorkModel;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a task type's price from its bench cases, each a median time and the {@code work_units} its result
 * counted: picoseconds per unit alone (the median of time / units over the cases), or per unit plus a fixed
 * cost per task (least squares on the relative error, so a 0.1 ms case weighs as much as a 1 s one). The
 * spread of a price is the largest measured/billed ratio over the cases divided by the smallest: 1 means
 * every case is billed in proportion to its time. Stateless.
 */
public final class Calibration {
    /** A price and its spread over the cases it was measured on. */
    public record Fit(long picosPerUnit, long fixedPicos, double spread) {
        static Fit of(List<BenchRunner.Measurement> cases, long picosPerUnit, long fixedPicos) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (BenchRunner.Measurement m : cases) {
                double ratio = ratio(m, picosPerUnit, fixedPicos);
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
            }
            return new Fit(picosPerUnit, fixedPicos, hi / lo);
        }
    }

    private Calibration() {}

    /** Measured time over billed time for one case under a price. */
    public static double ratio(BenchRunner.Measurement m, long picosPerUnit, long fixedPicos) {
        double billedPicos = (double) m.workUnits() * picosPerUnit + fixedPicos;
        return m.medianMs() * 1e9 / billedPicos;
    }

    /** The spread of a built-in model over the cases. */
    public static Fit of(List<BenchRunner.Measurement> cases, WorkModel model) {
        return Fit.of(cases, model.picosPerUnit(), model.fixedPicos());
    }

    /** Picoseconds per unit only: the median over the cases of time / units. */
    public static Fit perUnit(List<BenchRunner.Measurement> cases) {
        double[] picos = new double[cases.size()];
        for (int i = 0; i < picos.length; i++) {
            BenchRunner.Measurement m = cases.get(i);
            picos[i] = m.medianMs() * 1e9 / Math.max(1, m.workUnits());
        }
        Arrays.sort(picos);
        int n = picos.length;
        double median = n % 2 == 1 ? picos[n / 2] : (picos[n / 2 - 1] + picos[n / 2]) / 2;
        return Fit.of(cases, Math.max(1, Math.round(median)), 0);
    }

    /**
     * Picoseconds per unit plus a fixed cost per task, minimising the sum of squared relative errors
     * {@code (a u + b) / t - 1}; falls back to {@link #perUnit} with fewer than three cases (two points fit two
     * terms exactly, which says nothing) or when either term would be negative.
     */
    public static Fit twoTerm(List<BenchRunner.Measurement> cases) {
        // normal equations of min sum (a x_i + b y_i - 1)^2 with x = u / t, y = 1 / t (t in picoseconds)
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double sx = 0;
        double sy = 0;
        for (BenchRunner.Measurement m : cases) {
            double t = m.medianMs() * 1e9;
            double x = m.workUnits() / t;
            double y = 1 / t;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            sx += x;
            sy += y;
        }
        double det = sxx * syy - sxy * sxy;
        if (cases.size() < 3 || !(Math.abs(det) > 0)) {
            return perUnit(cases);
        }
        double a = (sx * syy - sy * sxy) / det;
        double b = (sy * sxx - sx * sxy) / det;
        if (!(a > 0) || b < 0) {
            return perUnit(cases);
        }
        return Fit.of(cases, Math.max(1, Math.round(a)), Math.round(b));
    }
}
