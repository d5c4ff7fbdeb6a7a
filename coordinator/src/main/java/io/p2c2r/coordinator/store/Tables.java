package io.p2c2r.coordinator.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The store's tables over its one connection; handed to each {@link StoreOp} on the store thread. */
public final class Tables {
    public final PeerTable peers;
    public final GamerTable gamers;
    public final TaskTable tasks;
    public final ResultTable results;
    public final LedgerTable ledger;

    Tables(Connection db) {
        this.peers = new PeerTable(db);
        this.gamers = new GamerTable(db);
        this.tasks = new TaskTable(db);
        this.results = new ResultTable(db);
        this.ledger = new LedgerTable(db);
    }

    /** Bills and stores a completed task; the ledger's primary key refuses a second bill for the same task. */
    public void complete(Completion c) throws SQLException {
        ledger.insert(c.taskId(), c.gamerId(), c.peerId(), c.bill(), c.now());
        peers.credit(c.peerId(), c.bill());
        gamers.charge(c.gamerId(), c.bill().gamerCharge().nanos());
        tasks.update(c.taskId(), "completed", c.peerId(), c.attempts(), c.now(), c.processingMs(), null, null);
        results.put(c.cacheKey(), c.taskId(), c.taskType(), c.version(), c.result(), c.processingMs(), c.peerId(),
                c.now(), c.expiresAt());
    }

    /** Records a new task and counts it against its gamer. */
    public void submitted(TaskRow row) throws SQLException {
        tasks.insert(row);
        gamers.submitted(row.gamerId());
    }
}
