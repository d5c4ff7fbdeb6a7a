package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Rates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One execution of a task's work on a peer: the first run, or a check of it (a replica for an untrusted peer's
 * result, an audit of a trusted one, a tie-break, or a known-answer spot check). Each run has its own wire
 * {@code task_id}, so a peer cannot tell a check from ordinary work. Event loop only.
 */
final class Run {
    enum Kind {
        PRIMARY, REPLICA, AUDIT, TIEBREAK, SPOT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum State { QUEUED, RUNNING, DONE }

    final String id;
    final Task task;
    final Kind kind;
    /** True while a gamer waits on this run (a first run, or any run of a wait-mode task before its answer). */
    boolean urgent;
    State state = State.QUEUED;
    PeerState peer;
    int attempts;
    /** Peers that held this run past its deadline (not counting drops): two mean the work, not a peer, is slow. */
    int deadlineMisses;
    final Set<String> triedPeers = new HashSet<>();
    long dispatchedNanos;
    long deadlineNanos;
    /** The execution time the current attempt was given (what the coordinator, not the peer, measures). */
    long limitNanos;
    /** Attempts cut off at their deadline, in order: billed for their time once a second peer confirms. */
    final List<CutOff> cutOffs = new ArrayList<>(2);

    /** An attempt the coordinator took back at its deadline: whose it was and how long it had been given. */
    record CutOff(String peerId, String host, int attempt, long limitNanos) {
    }

    // Set when a result arrives.
    String peerId;
    String host;
    String sha256;
    Long workUnits;
    double processingMs;
    Rates.Bill bill;
    /** The amounts its ledger row was first written with (pending). */
    long rowCharge;
    long rowEarning;

    Run(String id, Task task, Kind kind, boolean urgent) {
        this.id = id;
        this.task = task;
        this.kind = kind;
        this.urgent = urgent;
    }

    boolean completed() {
        return sha256 != null;
    }
}
