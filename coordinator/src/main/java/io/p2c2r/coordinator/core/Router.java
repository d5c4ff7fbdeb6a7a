package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.TaskAccepted;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.coordinator.trust.TrustBook;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs on peers: creating them, choosing a peer for each ({@link PeerPicker}), sending {@code execute_task},
 * and taking a run back when its peer drops, goes silent or misses its deadline, to requeue it at the front or,
 * after the last attempt, to report it exhausted. Event loop only.
 */
final class Router {
    /** What happens to a run that cannot be retried. */
    interface Listener {
        void exhausted(Run run, String why);
    }

    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final Clock clock;
    private final TaskBoard board;
    private final TrustBook trust;
    private final Outbox outbox;
    private final Map<String, PeerState> peers;
    private Listener listener;
    private long assignSeq;
    private long runsRouted;
    private long checkDataBytes;

    Router(CoordinatorConfig config, Console console, Store store, Clock clock, TaskBoard board, TrustBook trust,
           Outbox outbox, Map<String, PeerState> peers) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.clock = clock;
        this.board = board;
        this.trust = trust;
        this.outbox = outbox;
        this.peers = peers;
    }

    void listen(Listener l) {
        this.listener = l;
    }

    /** Adds a run of {@code kind} to the task and queues it. */
    Run newRun(Task task, Run.Kind kind, boolean urgent) {
        String id = task.runs.isEmpty() && !task.spotCheck() ? task.id : board.newId();
        Run run = new Run(id, task, kind, urgent);
        task.runs.add(run);
        board.enqueue(run, false);
        return run;
    }

    /** Whether another check may open now: within the count and the bytes of task data that open checks keep. */
    boolean canCheckMore() {
        CoordinatorConfig.Checking c = config.checking();
        return board.checkCount() < c.maxOpenChecks() && checkDataBytes < c.maxCheckBytes();
    }

    void checkOpened(Task task) {
        checkDataBytes += task.data.text().length();
    }

    void checkClosed(Task task) {
        checkDataBytes -= task.data.text().length();
    }

    void dispatch() {
        int free = 0;
        for (PeerState p : peers.values()) {
            free += Math.max(0, p.freeSlots());
        }
        if (free == 0) {
            return;
        }
        PeerPicker.Rules rules = new PeerPicker.Rules(trust, clock.millis(), canCheckMore());
        for (Iterator<Run> it = board.queued(); it.hasNext() && free > 0; ) {
            Run run = it.next();
            PeerState peer = PeerPicker.pick(run, peers.values(), rules);
            if (peer != null) {
                it.remove();
                assign(run, peer);
                free--;
            }
        }
    }

    /** Deadline misses after which a run is not tried again: the work is too slow, not the peers. */
    static final int MAX_DEADLINE_MISSES = 2;

    void assign(Run run, PeerState peer) {
        Task task = run.task;
        long now = clock.nanoTime();
        long limit = config.executionTimeout().toNanos();
        if (run.urgent && task.state == Task.State.WAITING) {
            limit = Math.min(limit, task.overallDeadlineNanos() - now);
        }
        long execNanos = Math.max(1_000_000L, limit);
        run.state = Run.State.RUNNING;
        run.peer = peer;
        run.attempts++;
        run.triedPeers.add(peer.account.id);
        run.dispatchedNanos = now;
        run.deadlineNanos = now + execNanos;
        run.limitNanos = execNanos;
        peer.held.put(run.id, run);
        peer.lastAssignedSeq = ++assignSeq;
        trust.started(peer.account.id, task.type.wireName(), clock.millis());
        runsRouted++;
        if (run.kind == Run.Kind.PRIMARY) {
            console.info(" Task " + task.type.wireName() + " from " + task.gamer.account.id + " → " + peer.account.id
                    + (run.attempts > 1 ? " (attempt " + run.attempts + ")" : ""));
        } else {
            console.debug(" Check (" + run.kind.wire() + ") of " + task.id + " → " + peer.account.id);
        }
        outbox.send(peer.session, new ExecuteTask(run.id, task.type.wireName(), task.data, task.version, execNanos / 1_000_000L));
        if (run.kind == Run.Kind.PRIMARY) {
            String peerId = peer.account.id;
            int attempts = run.attempts;
            store.submit(t -> t.tasks.update(task.id, "running", peerId, attempts, null, null, null, null));
            outbox.toGamer(task, new TaskAccepted(task.requestId, task.id, "running", peerId));
        }
    }

    /** The run's peer lost it (dropped, silent, late, or could not run it): queue it again or give up. */
    void lost(Run run, String why) {
        run.peer = null;
        if (run.attempts >= config.maxAttempts()) {
            run.state = Run.State.DONE;
            listener.exhausted(run, "tried on " + run.attempts + " peer(s); last: " + why);
        } else {
            if (run.kind == Run.Kind.PRIMARY) {
                console.warn(" Requeued " + run.task.id + " (" + run.task.type.wireName() + "): " + why);
            }
            board.enqueue(run, true);
            if (run.kind == Run.Kind.PRIMARY) {
                store.submit(t -> t.tasks.update(run.task.id, "queued", null, run.attempts, null, null, null, null));
            }
        }
    }

    /** Ends every run of the task that is not done: queued ones leave the queue, running ones their peer. */
    void cancelRuns(Task task) {
        for (Run r : task.runs) {
            if (r.state == Run.State.QUEUED) {
                board.dequeue(r);
            } else if (r.state == Run.State.RUNNING && r.peer != null) {
                r.peer.held.remove(r.id);
                r.peer = null;
            }
            r.state = Run.State.DONE;
        }
    }

    /** Whether any run of the task is still queued or running. */
    static boolean outstanding(Task task) {
        for (Run r : task.runs) {
            if (r.state != Run.State.DONE) {
                return true;
            }
        }
        return false;
    }

    void detach(PeerState peer, String why) {
        peers.remove(peer.account.id, peer);
        List<Run> held = new ArrayList<>(peer.held.values());
        peer.held.clear();
        for (Run r : held) {
            lost(r, why);
        }
    }

    /** Runs past their deadline go back to the queue (or are exhausted). */
    void expireDeadlines(long nowNanos) {
        for (PeerState p : new ArrayList<>(peers.values())) {
            for (Run r : new ArrayList<>(p.held.values())) {
                if (nowNanos > r.deadlineNanos) {
                    p.held.remove(r.id);
                    r.deadlineMisses++;
                    r.cutOffs.add(new Run.CutOff(p.account.id, p.host, r.attempts, r.limitNanos));
                    String why = "peer " + p.account.id + " did not answer within its deadline";
                    if (r.deadlineMisses >= MAX_DEADLINE_MISSES) {
                        // Not a third peer tied up for nothing: work that outlasts the deadline twice is too big.
                        r.peer = null;
                        r.state = Run.State.DONE;
                        listener.exhausted(r, "missed the " + config.executionTimeout().toSeconds() + " s execution deadline on "
                                + r.deadlineMisses + " peers (last: " + p.account.id + "); the task is too big for it");
                    } else {
                        lost(r, why);
                    }
                }
            }
        }
    }

    long runsRouted() {
        return runsRouted;
    }
}
