package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The store's tables over its one connection; handed to each {@link StoreOp} on the store thread. */
public final class Tables {
    public final PeerTable peers;
    public final GamerTable gamers;
    public final TaskTable tasks;
    public final ResultTable results;
    public final LedgerTable ledger;
    public final RunTable runs;
    public final TrustTable trust;

    Tables(Connection db) {
        this.peers = new PeerTable(db);
        this.gamers = new GamerTable(db);
        this.tasks = new TaskTable(db);
        this.results = new ResultTable(db);
        this.ledger = new LedgerTable(db);
        this.runs = new RunTable(db);
        this.trust = new TrustTable(db);
    }

    /** Records a new task and counts it against its gamer. */
    public void submitted(TaskRow row) throws SQLException {
        tasks.insert(row);
        tasks.request(row.gamerId(), row.requestId(), row.taskId(), row.submittedAt());
        gamers.submitted(row.gamerId());
    }

    /** A peer's result for one run: the run, its pending ledger row, and the peer's pending total. */
    public void runCompleted(RunRow run, LedgerRow row) throws SQLException {
        runs.insert(run);
        ledger.insert(row);
        peers.adjust(row.peerId(), row.earningNanos(), 0, 1, row.billedMicros());
    }

    /** A failed task's cut-off attempts: their pending rows, the peers' pending totals, and the gamer's charge. */
    public void cutOff(List<LedgerRow> rows) throws SQLException {
        for (LedgerRow row : rows) {
            ledger.insert(row);
            peers.adjust(row.peerId(), row.earningNanos(), 0, 0, row.billedMicros());
            gamers.charge(row.gamerId(), row.chargeNanos(), 0);
        }
    }

    /** A pending run's row now carries the gamer's charge for its task. */
    public void recharge(String runId, long chargeNanos) throws SQLException {
        ledger.recharge(runId, chargeNanos);
    }

    /** A gamer got a computed result: its charge, the task row, and the cache. */
    public void answered(Answer a) throws SQLException {
        gamers.charge(a.gamerId(), a.chargeNanos(), 1);
        tasks.update(a.taskId(), "completed", a.peerId(), a.attempts(), a.now(), a.processingMs(), null, null);
        tasks.verification(a.taskId(), a.verification(), a.resultSha256(), false);
        if (a.cache() != null) {
            results.put(a.cache());
        }
    }

    /** A check was decided: final shares, totals, verdicts, the task's verification, and the cache. */
    public void settled(Settled s) throws SQLException {
        ledger.settle(s.shares(), s.now());
        for (Map.Entry<String, long[]> d : s.peerDeltas().entrySet()) {
            peers.adjust(d.getKey(), d.getValue()[0], d.getValue()[1], 0, 0);
        }
        if (s.gamerId() != null && s.gamerChargeDelta() != 0) {
            gamers.charge(s.gamerId(), s.gamerChargeDelta(), 0);
        }
        for (Map.Entry<String, String> v : s.verdicts().entrySet()) {
            runs.verdict(v.getKey(), v.getValue());
        }
        if (s.gamerId() != null) {
            tasks.verification(s.taskId(), s.verification(), s.resultSha256(), s.corrected());
        }
        if (s.cache() != null) {
            results.put(s.cache());
        }
        if (s.withdrawSha256() != null) {
            results.withdraw(s.cacheKey(), s.withdrawSha256(), s.verification());
        }
    }

    /** Grants every pending row whose hold window passed; returns the nano-dollars granted by peer. */
    public Map<String, Long> grantDue(long now) throws SQLException {
        Map<String, Long> granted = ledger.grantDue(now);
        for (Map.Entry<String, Long> g : granted.entrySet()) {
            peers.adjust(g.getKey(), -g.getValue(), g.getValue(), 0, 0);
        }
        return granted;
    }
}
