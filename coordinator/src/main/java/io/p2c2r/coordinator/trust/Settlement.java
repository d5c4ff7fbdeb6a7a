package io.p2c2r.coordinator.trust;

import io.p2c2r.common.money.Rates;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a checked task's money among its runs, exactly. The task's work is priced once ({@code bill}: what
 * one run of the canonical result costs the gamer, C, and earns, E). The gamer pays for {@code gamerRuns} runs
 * (1 normally, 2 in wait mode, 0 for a refund or a spot check) and the coordinator funds {@code coordinatorRuns}
 * more from its fee (an audit of a trusted peer, a spot check). That pot of earnings is shared equally by the
 * runs whose result is canonical; a wrong result earns nothing. Charges follow the gamer-funded part of each
 * share, so every row keeps charge = earning + fee: rows the coordinator funds have zero charge and a negative
 * fee. No run earns more than E and the gamer never pays for more runs than agreed. Pure.
 */
public final class Settlement {
    private Settlement() {}

    /** A completed run to settle, in the order the runs completed. */
    public record Entry(String runId, String peerId, boolean canonical) {
    }

    /** One run's final amounts, in nano-dollars. */
    public record Share(String runId, String peerId, long chargeNanos, long earningNanos, long feeNanos, boolean canonical) {
        public Share {
            if (chargeNanos != earningNanos + feeNanos) {
                throw new IllegalStateException("unbalanced share for " + runId + ": " + chargeNanos + " != "
                        + earningNanos + " + " + feeNanos);
            }
        }
    }

    public static List<Share> settle(Rates.Bill bill, int gamerRuns, int coordinatorRuns, List<Entry> runs) {
        if (gamerRuns < 0 || coordinatorRuns < 0) {
            throw new IllegalArgumentException("funded runs must not be negative: gamer " + gamerRuns
                    + ", coordinator " + coordinatorRuns);
        }
        long e = bill.peerEarning().nanos();
        long c = bill.gamerCharge().nanos();
        int n = (int) runs.stream().filter(Entry::canonical).count();
        int gamerPaid = Math.min(gamerRuns, n);
        int paid = Math.min(gamerRuns + coordinatorRuns, n);
        long pot = Math.multiplyExact(e, paid);
        long gamerBudget = Math.multiplyExact(e, gamerPaid);
        long totalCharge = Math.multiplyExact(c, gamerPaid);

        List<Share> out = new ArrayList<>(runs.size());
        long chargeLeft = totalCharge;
        long budgetLeft = gamerBudget;
        int canonicalSeen = 0;
        int firstGamerFunded = -1;
        for (Entry run : runs) {
            if (!run.canonical()) {
                out.add(new Share(run.runId(), run.peerId(), 0, 0, 0, false));
                continue;
            }
            long share = pot / n + (canonicalSeen < pot % n ? 1 : 0);
            canonicalSeen++;
            long gamerPart = Math.min(share, budgetLeft);
            budgetLeft -= gamerPart;
            long charge = gamerBudget == 0 ? 0 : multiplyDivide(totalCharge, gamerPart, gamerBudget);
            chargeLeft -= charge;
            if (gamerPart > 0 && firstGamerFunded < 0) {
                firstGamerFunded = out.size();
            }
            out.add(new Share(run.runId(), run.peerId(), charge, share, charge - share, true));
        }
        if (chargeLeft != 0) {
            // Flooring left a few nano-dollars of the gamer's charge; they go to the first gamer-funded row's fee.
            Share s = out.get(firstGamerFunded);
            out.set(firstGamerFunded, new Share(s.runId(), s.peerId(), s.chargeNanos() + chargeLeft, s.earningNanos(),
                    s.feeNanos() + chargeLeft, true));
        }
        return out;
    }

    private static long multiplyDivide(long a, long b, long divisor) {
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                .divide(java.math.BigInteger.valueOf(divisor)).longValueExact();
    }
}
