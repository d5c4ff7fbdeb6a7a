package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.CacheEntry;
import io.p2c2r.coordinator.store.Settled;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.coordinator.trust.Quorum;
import io.p2c2r.coordinator.trust.Settlement;
import io.p2c2r.coordinator.trust.TrustBook;
import io.p2c2r.coordinator.trust.Vote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides checks: opens one when a first result needs it, counts votes, and when two independent peers agree
 * settles the task's money ({@link Settlement}), moves trust, puts the canonical result in the cache, and sends a
 * correction if the gamer was given something else. Disputes (no agreement after the last run) refund the gamer;
 * a check that finds no independent peer within the hold window stands unchecked. Event loop only.
 */
final class Verifier {
    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final Durable durable;
    private final Clock clock;
    private final TaskBoard board;
    private final TrustBook trust;
    private final Books books;
    private final Router router;
    private final Outbox outbox;
    private final KnownAnswers known;
    private long verified;
    private long corrected;
    private long disputed;
    private long unchecked;
    private long spotChecks;
    private long outvoted;
    private final List<Runnable> whenIdle = new ArrayList<>();

    Verifier(CoordinatorConfig config, Console console, Store store, Durable durable, Clock clock, TaskBoard board, TrustBook trust,
             Books books, Router router, Outbox outbox, KnownAnswers known) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.durable = durable;
        this.clock = clock;
        this.board = board;
        this.trust = trust;
        this.books = books;
        this.router = router;
        this.outbox = outbox;
        this.known = known;
    }

    boolean sameHost() {
        return trust.policy().sameHostQuorum();
    }

    /** Opens a check of {@code task}'s delivered result: one more run on an independent peer, in the background. */
    void open(Task task, boolean audit, boolean urgent) {
        task.checking = true;
        task.coordinatorFunded = audit;
        task.checkStartedNanos = clock.nanoTime();
        board.startCheck(task);
        router.checkOpened(task);
        router.newRun(task, audit ? Run.Kind.AUDIT : Run.Kind.REPLICA, urgent);
    }

    /**
     * A new vote arrived for a task under check (or a wait-mode task). Returns the agreed digest if this vote made a
     * quorum; otherwise queues a tie-break when the runs disagree and none is outstanding, or disputes the task
     * when no more runs are allowed. Empty means: wait for more.
     */
    Optional<String> vote(Task task, boolean urgent) {
        Optional<String> agreed = Quorum.canonical(task.votes, sameHost());
        if (agreed.isPresent() || Router.outstanding(task)) {
            return agreed;
        }
        if (task.runs.size() < trust.policy().maxRunsPerTask()) {
            router.newRun(task, Run.Kind.TIEBREAK, urgent);
        } else {
            dispute(task);
        }
        return Optional.empty();
    }

    /**
     * Two independent peers agreed on {@code sha}; {@code result} is that result. {@code gamerRuns} is how many runs
     * the gamer pays for (2 when a wait-mode task is answered verified now, 1 when it was answered before).
     */
    void resolve(Task task, String sha, RawJson result, int gamerRuns) {
        List<Run> done = completedRuns(task);
        List<Settlement.Entry> entries = new ArrayList<>();
        Map<String, String> verdicts = new HashMap<>();
        Set<String> peerIds = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (Run r : done) {
            boolean right = sha.equals(r.sha256);
            entries.add(new Settlement.Entry(r.id, r.peerId, right));
            verdicts.put(r.id, right ? "agreed" : "outvoted");
            if (right) {
                trust.agreed(r.peerId, task.type.wireName());
                peerIds.add(r.peerId);
                hosts.add(r.host);
            } else {
                trust.disagreed(r.peerId, task.type.wireName(), clock.millis());
                outvoted++;
                console.warn(" Peer " + r.peerId + " was outvoted on " + task.id + " (" + task.type.wireName()
                        + "): its result differs from two others'; its trust starts over and it earns nothing for it");
            }
        }
        List<Settlement.Share> shares = Settlement.settle(task.billOf(sha), gamerRuns, task.coordinatorFunded ? 1 : 0, entries);
        Books.Outcome money = books.settle(task, done, shares);
        boolean wasCorrected = task.deliveredSha != null && !task.deliveredSha.equals(sha);
        long now = clock.millis();
        Run canonical = runWith(task, sha);
        CacheEntry cache = task.spotCheck() ? null : new CacheEntry(task.cacheKey, task.id, task.type.wireName(), task.version,
                result.text(), sha, canonical.processingMs, canonical.peerId, Verification.VERIFIED, now,
                now + config.cacheTtl().toMillis());
        String gamerId = task.gamer == null ? null : task.gamer.account.id;
        Settled settled = new Settled(task.id, gamerId, money.shares(), money.peerDeltas(), money.gamerChargeDelta(),
                verdicts, Verification.VERIFIED, sha, wasCorrected, cache, task.cacheKey, null, now);
        Runnable notify = () -> { };
        verified++;
        if (!task.spotCheck()) {
            known.add(new KnownAnswers.Known(task.type, task.version, task.cacheKey, task.data, task.maxWorkUnits, sha,
                    peerIds, hosts));
        }
        if (wasCorrected) {
            corrected++;
            console.warn(" Corrected " + task.id + " for " + gamerId + ": the result it was given was outvoted");
            var correction = Replies.corrected(task, result, sha);
            notify = () -> outbox.toGamer(task, correction);
        } else {
            console.debug(" Verified " + task.id + " (" + task.type.wireName() + "): " + (done.size() - verdicts.values()
                    .stream().filter("outvoted"::equals).count()) + " peers agreed");
        }
        durable.then(t -> t.settled(settled), notify);
        task.verification = Verification.VERIFIED;
        task.deliveredSha = sha;
        close(task);
    }

    /** No two independent peers agreed and no more runs are allowed: nobody is paid and the gamer is refunded. */
    void dispute(Task task) {
        List<Run> done = completedRuns(task);
        List<Settlement.Entry> entries = new ArrayList<>();
        for (Run r : done) {
            entries.add(new Settlement.Entry(r.id, r.peerId, false));
        }
        Books.Outcome money = books.settle(task, done, Settlement.settle(done.get(0).bill, 0, 0, entries));
        long now = clock.millis();
        String gamerId = task.gamer == null ? null : task.gamer.account.id;
        Settled settled = new Settled(task.id, gamerId, money.shares(), money.peerDeltas(), money.gamerChargeDelta(),
                Map.of(), Verification.DISPUTED, task.deliveredSha, false, null, task.cacheKey, task.deliveredSha, now);
        disputed++;
        console.warn(" Disputed " + task.id + " (" + task.type.wireName() + "): " + done.size()
                + " runs and no two independent peers agreed; the gamer is refunded and nobody is paid");
        if (task.state == Task.State.ANSWERED && task.deliveredSha != null) {
            var notice = Replies.disputed(task, -money.gamerChargeDelta());
            durable.then(t -> t.settled(settled), () -> outbox.toGamer(task, notice));
        } else {
            store.submit(t -> t.settled(settled));
        }
        task.verification = Verification.DISPUTED;
        close(task);
    }

    /**
     * The check found no independent peer in time (the hold window passed, or its runs were exhausted). If nothing
     * contradicts the delivered result, it stands unchecked and its runs are paid as delivered; else a dispute.
     */
    void abandon(Task task) {
        boolean contradicted = task.votes.stream().anyMatch(v -> !v.sha256().equals(task.deliveredSha));
        if (task.deliveredSha == null || contradicted) {
            router.cancelRuns(task);
            if (!completedRuns(task).isEmpty()) {
                dispute(task);
            } else {
                close(task);
            }
            return;
        }
        router.cancelRuns(task);
        List<Run> done = completedRuns(task);
        List<Settlement.Entry> entries = new ArrayList<>();
        for (Run r : done) {
            entries.add(new Settlement.Entry(r.id, r.peerId, true));
        }
        List<Settlement.Share> shares = Settlement.settle(task.billOf(task.deliveredSha), 1, task.coordinatorFunded ? 1 : 0,
                entries);
        Books.Outcome money = books.settle(task, done, shares);
        long now = clock.millis();
        String gamerId = task.gamer == null ? null : task.gamer.account.id;
        Settled settled = new Settled(task.id, gamerId, money.shares(), money.peerDeltas(), money.gamerChargeDelta(),
                Map.of(), Verification.UNCHECKED, task.deliveredSha, false, null, task.cacheKey, null, now);
        store.submit(t -> t.settled(settled));
        unchecked++;
        console.info(" Check of " + task.id + " given up: no independent peer within the hold window; it stands unchecked");
        task.verification = Verification.UNCHECKED;
        close(task);
    }

    /** A spot check's answer: right earns its run (from the fee) and trust; wrong earns nothing and resets trust. */
    void spotAnswered(Task task, Run run) {
        boolean right = task.knownSha.equals(run.sha256);
        String type = task.type.wireName();
        if (right) {
            trust.agreed(run.peerId, type);
        } else {
            trust.disagreed(run.peerId, type, clock.millis());
            outvoted++;
            console.warn(" Peer " + run.peerId + " failed a known-answer check (" + type + "): trust starts over");
        }
        spotChecks++;
        List<Settlement.Share> shares = Settlement.settle(run.bill, 0, 1, List.of(new Settlement.Entry(run.id, run.peerId, right)));
        Books.Outcome money = books.settle(task, List.of(run), shares);
        Settled settled = new Settled(task.id, null, money.shares(), money.peerDeltas(), 0,
                Map.of(run.id, right ? "agreed" : "outvoted"), null, null, false, null, null, null, clock.millis());
        store.submit(t -> t.settled(settled));
    }

    /**
     * Sends an idle peer a known-answer task as ordinary work, if one fits it (a type it runs, an answer it did
     * not contribute). The coordinator pays for it from its fee, like an audit.
     */
    void spotCheck(PeerState peer) {
        KnownAnswers.Known k = known.draw(peer, sameHost(), bound -> java.util.concurrent.ThreadLocalRandom.current().nextInt(bound));
        if (k == null) {
            return;
        }
        Task task = new Task(board.newId(), null, null, k.type(), k.version(), k.cacheKey(), k.data(), k.maxWorkUnits(),
                clock.nanoTime(), config.executionTimeout().toNanos(), false);
        task.state = Task.State.ANSWERED;
        task.knownSha = k.sha256();
        task.known = k;
        task.coordinatorFunded = true;
        Run run = new Run(board.newId(), task, Run.Kind.SPOT, false);
        task.runs.add(run);
        router.assign(run, peer);
    }

    /** Gives up checks older than the hold window. */
    void expire(long nowNanos) {
        long hold = config.checking().holdWindow().toNanos();
        for (Task t : board.checks()) {
            if (nowNanos - t.checkStartedNanos > hold) {
                abandon(t);
            }
        }
    }

    private void close(Task task) {
        router.cancelRuns(task);
        if (task.checking) {
            task.checking = false;
            board.endCheck(task);
            router.checkClosed(task);
        }
        task.heldResult = null;
        if (board.checkCount() == 0 && !whenIdle.isEmpty()) {
            List<Runnable> due = new ArrayList<>(whenIdle);
            whenIdle.clear();
            due.forEach(Runnable::run);
        }
    }

    /** Runs {@code action} once no check is open (at once if none is). */
    void whenIdle(Runnable action) {
        if (board.checkCount() == 0) {
            action.run();
        } else {
            whenIdle.add(action);
        }
    }

    /** The task's completed runs, in the order their votes arrived. */
    private static List<Run> completedRuns(Task task) {
        List<Run> out = new ArrayList<>();
        for (Vote v : task.votes) {
            for (Run r : task.runs) {
                if (r.id.equals(v.runId())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static Run runWith(Task task, String sha) {
        for (Run r : task.runs) {
            if (sha.equals(r.sha256)) {
                return r;
            }
        }
        throw new IllegalStateException("no run of " + task.id + " has digest " + sha);
    }

    /** The check counters for the console. */
    record Counts(long open, long verified, long corrected, long disputed, long unchecked, long spotChecks, long outvoted) {
    }

    Counts counts() {
        return new Counts(board.checkCount(), verified, corrected, disputed, unchecked, spotChecks, outvoted);
    }
}
