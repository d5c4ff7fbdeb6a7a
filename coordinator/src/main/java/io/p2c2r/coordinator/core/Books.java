package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Rates;
import io.p2c2r.coordinator.store.LedgerRow;
import io.p2c2r.coordinator.store.SettledShare;
import io.p2c2r.coordinator.trust.Settlement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's books in memory, moved by exactly what the ledger rows say: a completed run's provisional
 * row (its earning pending for the peer), a gamer's charge, a check's settlement (final shares replacing the
 * provisional amounts), and grants when hold windows pass. Every move is mirrored by a store record that this
 * class returns. Event loop only.
 */
final class Books {
    private final Pricing pricing;
    private final Accounts accounts;
    private final Clock clock;
    private final long holdMillis;
    private long revenueNanos;
    private long auditCostNanos;
    private final long revenueAtStartNanos;
    private long completed;

    Books(Pricing pricing, Accounts accounts, Clock clock, long holdMillis, long revenueNanos, long auditCostNanos) {
        this.pricing = pricing;
        this.accounts = accounts;
        this.clock = clock;
        this.holdMillis = holdMillis;
        this.revenueNanos = revenueNanos;
        this.auditCostNanos = auditCostNanos;
        this.revenueAtStartNanos = revenueNanos;
    }

    Pricing pricing() {
        return pricing;
    }

    /**
     * The pending row for a run that just completed. {@code chargeNanos} is what the gamer pays on this row now
     * (the one-run charge when this result is delivered at once, else 0); {@code held} keeps the row out of the
     * hold-window grant because a check will settle it.
     */
    LedgerRow recordRun(Task task, Run run, long chargeNanos, boolean held) {
        long earning = run.bill.peerEarning().nanos();
        run.rowCharge = chargeNanos;
        run.rowEarning = earning;
        run.peer.account.pendingNanos += earning;
        run.peer.account.tasksCompleted++;
        revenueNanos += chargeNanos - earning;
        long now = clock.millis();
        return new LedgerRow(run.id, task.id, task.gamer == null ? null : task.gamer.account.id, run.peerId, run.kind.wire(),
                run.workUnits, run.bill.billedMicros(), chargeNanos, earning, chargeNanos - earning,
                held ? LedgerRow.HELD : now + holdMillis, now);
    }

    /**
     * Rows billing a run's cut-off attempts, or an empty list unless they can be billed: a gamer's first run,
     * cut off at its deadline on at least two peers that are independent of each other (other ids and, unless
     * one host may vouch for itself, other hosts), so that no single peer's slowness makes the gamer pay. Each
     * attempt earns its peer the time it was given (capped by {@link Pricing#cutOffBill}), pending for the hold
     * window like any earning; the gamer pays the sum, with the fee, on the failed task.
     */
    List<LedgerRow> cutOff(Task task, Run run, boolean sameHost) {
        List<Run.CutOff> cuts = run.cutOffs;
        if (task.gamer == null || run.kind != Run.Kind.PRIMARY || cuts.size() < 2 || !independent(cuts, sameHost)) {
            return List.of();
        }
        long now = clock.millis();
        List<LedgerRow> rows = new java.util.ArrayList<>(cuts.size());
        for (Run.CutOff c : cuts) {
            Rates.Bill bill = pricing.cutOffBill(task, c.limitNanos());
            long charge = bill.gamerCharge().nanos();
            long earning = bill.peerEarning().nanos();
            AccountState peer = accounts.peerAccount(c.peerId());
            if (peer != null) {
                peer.pendingNanos += earning;
            }
            task.chargedNanos += charge;
            task.gamer.account.totalNanos += charge;
            revenueNanos += charge - earning;
            rows.add(new LedgerRow(run.id + "/cutoff" + c.attempt(), task.id, task.gamer.account.id, c.peerId(), CUT_OFF,
                    null, bill.billedMicros(), charge, earning, charge - earning, now + holdMillis, now));
        }
        return rows;
    }

    /** The ledger kind of a cut-off attempt's row. */
    static final String CUT_OFF = "cutoff";

    private static boolean independent(List<Run.CutOff> cuts, boolean sameHost) {
        for (int i = 0; i < cuts.size(); i++) {
            for (int j = i + 1; j < cuts.size(); j++) {
                Run.CutOff a = cuts.get(i);
                Run.CutOff b = cuts.get(j);
                if (a.peerId().equals(b.peerId()) || (!sameHost && a.host().equals(b.host()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A held run's row now carries the gamer's charge for the task (a wait-mode task answered at its timeout). */
    void recharge(Run run, long chargeNanos) {
        revenueNanos += chargeNanos - run.rowCharge;
        run.rowCharge = chargeNanos;
    }

    /** The gamer was answered and pays {@code nanos} for it. */
    void charge(Task task, long nanos) {
        task.chargedNanos += nanos;
        task.gamer.account.totalNanos += nanos;
        task.gamer.account.tasksCompleted++;
        completed++;
    }

    /** The outcome of settling a task: store shares, per-peer (pending, granted) deltas and the gamer's delta. */
    record Outcome(List<SettledShare> shares, Map<String, long[]> peerDeltas, long gamerChargeDelta) {
    }

    /** Replaces the provisional amounts of the task's completed runs by their final {@code shares}. */
    Outcome settle(Task task, List<Run> completedRuns, List<Settlement.Share> shares) {
        Map<String, long[]> deltas = new HashMap<>();
        List<SettledShare> out = new java.util.ArrayList<>(shares.size());
        long gamerDelta = 0;
        for (int i = 0; i < shares.size(); i++) {
            Run run = completedRuns.get(i);
            Settlement.Share s = shares.get(i);
            AccountState peer = accounts.peerAccount(run.peerId);
            long granted = s.canonical() ? s.earningNanos() : 0;
            if (peer != null) {
                peer.pendingNanos -= run.rowEarning;
                peer.totalNanos += granted;
            }
            long[] d = deltas.computeIfAbsent(run.peerId, k -> new long[2]);
            d[0] -= run.rowEarning;
            d[1] += granted;
            gamerDelta += s.chargeNanos() - run.rowCharge;
            revenueNanos += s.feeNanos() - (run.rowCharge - run.rowEarning);
            auditCostNanos += Math.max(0, -s.feeNanos());
            out.add(new SettledShare(run.id, s.chargeNanos(), s.earningNanos(), s.feeNanos(),
                    s.canonical() ? SettledShare.GRANTED : SettledShare.FORFEIT));
            run.rowCharge = s.chargeNanos();
            run.rowEarning = 0;
        }
        if (task.gamer != null && gamerDelta != 0) {
            task.chargedNanos += gamerDelta;
            task.gamer.account.totalNanos += gamerDelta;
        }
        return new Outcome(out, deltas, gamerDelta);
    }

    /** Hold windows passed: these peers' pending earnings are granted. */
    void granted(Map<String, Long> byPeer) {
        byPeer.forEach((peerId, nanos) -> {
            AccountState a = accounts.peerAccount(peerId);
            if (a != null) {
                a.pendingNanos -= nanos;
                a.totalNanos += nanos;
            }
        });
    }

    long revenueNanos() {
        return revenueNanos;
    }

    long auditCostNanos() {
        return auditCostNanos;
    }

    /** The fees of this run alone: {@link #revenueNanos} less what the database held at start. */
    long runRevenueNanos() {
        return revenueNanos - revenueAtStartNanos;
    }

    long completed() {
        return completed;
    }
}
