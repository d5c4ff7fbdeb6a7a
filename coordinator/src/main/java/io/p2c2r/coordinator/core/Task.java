package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Rates;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.coordinator.store.LedgerRow;
import io.p2c2r.coordinator.trust.Vote;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit of work a gamer submitted (or, with no gamer, a spot check), from cache lookup through its runs on
 * peers to its answer and, when its result is checked, until the check is decided. Event loop only.
 */
final class Task {
    /** LOOKUP: asking the cache; WAITING: runs queued or running, gamer not yet answered; ANSWERED: replied. */
    enum State { LOOKUP, WAITING, ANSWERED }

    final String id;
    final String requestId;
    /** Null for a spot check, which no gamer asked for. */
    final GamerState gamer;
    final TaskType type;
    final String version;
    final String cacheKey;
    final RawJson data;
    final long maxWorkUnits;
    final long submittedNanos;
    final long timeoutNanos;
    final boolean waitMode;
    final List<Run> runs = new ArrayList<>();
    final List<Vote> votes = new ArrayList<>();
    /** Other connections of the same gamer that sent this request id again and wait for its answer. */
    final List<GamerState> joined = new ArrayList<>();
    State state = State.LOOKUP;

    /** The digest and run of what the gamer was given, and how far it was checked then. */
    String deliveredSha;
    Run delivered;
    String verification;
    /** What the gamer has been charged for this task so far. */
    long chargedNanos;
    /** Rows billing cut-off attempts, set when the task fails after them; written with the gamer's answer. */
    List<LedgerRow> cutOffRows = List.of();
    /** A wait-mode task's first result, kept to answer with if no agreement comes before the timeout. */
    RawJson heldResult;
    Run heldRun;
    /** A check is under way: its runs' ledger rows are held until it is decided. */
    boolean checking;
    long checkStartedNanos;
    /** The coordinator funds one run of this check (an audit of a trusted peer, or a spot check). */
    boolean coordinatorFunded;
    /** A spot check's known answer. */
    String knownSha;
    KnownAnswers.Known known;
    /** Times a peer handed it back unfinished ({@code release_task}); only the first few are free. */
    int releases;
    /** A render cut into tiles: this task has no runs of its own; its tiles do the work ({@link Splits}). */
    Split split;
    /** A tile of a split render, and which: what is said about it goes to {@link Splits}, not to the gamer. */
    Split tileOf;
    int tileIndex;

    Task(String id, String requestId, GamerState gamer, TaskType type, String version, String cacheKey, RawJson data,
         long maxWorkUnits, long submittedNanos, long timeoutNanos, boolean waitMode) {
        this.id = id;
        this.requestId = requestId;
        this.gamer = gamer;
        this.type = type;
        this.version = version;
        this.cacheKey = cacheKey;
        this.data = data;
        this.maxWorkUnits = maxWorkUnits;
        this.submittedNanos = submittedNanos;
        this.timeoutNanos = timeoutNanos;
        this.waitMode = waitMode;
    }

    long overallDeadlineNanos() {
        return submittedNanos + timeoutNanos;
    }

    /** Attempts of the first run, as the gamer is told. */
    int attempts() {
        if (split != null) {
            return split.attempts();
        }
        return runs.isEmpty() ? 0 : runs.get(0).attempts;
    }

    boolean spotCheck() {
        return gamer == null;
    }

    /** The bill of the first completed run whose result has this digest. */
    Rates.Bill billOf(String sha) {
        for (Run r : runs) {
            if (sha.equals(r.sha256)) {
                return r.bill;
            }
        }
        return null;
    }
}
