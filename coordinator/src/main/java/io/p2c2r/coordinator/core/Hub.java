package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.CancelTask;
import io.p2c2r.common.protocol.Capacity;
import io.p2c2r.common.protocol.ReleaseTask;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.GetTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.protocol.TaskAccepted;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.Answer;
import io.p2c2r.coordinator.store.CacheEntry;
import io.p2c2r.coordinator.store.CachedResult;
import io.p2c2r.coordinator.store.LedgerRow;
import io.p2c2r.coordinator.store.RunRow;
import io.p2c2r.coordinator.store.Snapshot;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.coordinator.store.TaskRow;
import io.p2c2r.coordinator.trust.TrustBook;
import io.p2c2r.coordinator.trust.Vote;
import io.p2c2r.executors.ExecutorRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The coordinator's state machine: sessions, submissions, results, deadlines, and the answers gamers get. Routing
 * is in {@link Router}, result checking in {@link Verifier}, money in {@link Books}, identities in
 * {@link Registrations}. Every method runs on the {@link EventLoop} thread, which alone reads and writes this
 * state; the database is written through {@link Store}'s queue and read back through loop callbacks.
 */
public final class Hub implements Router.Listener {
    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final Executor loop;
    private final Clock clock;
    private final Books books;
    private final TaskBoard board;
    private final TrustBook trust;
    private final Router router;
    private final Verifier verifier;
    private final Outbox outbox;
    private final Registrations registrations;
    private final Durable durable;
    private final Accounts accounts;
    private final Splits splits;
    private TaskObserver observer = TaskObserver.NONE;
    private final Map<String, PeerState> peers = new LinkedHashMap<>();
    private final List<GamerState> gamers = new ArrayList<>();
    private final long startNanos;
    private long tasksStored;
    private long cacheHits;

    public Hub(CoordinatorConfig config, Console console, Store store, Executor loop, Clock clock, Snapshot snapshot) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.loop = loop;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        Accounts accounts = new Accounts(snapshot, store);
        this.accounts = accounts;
        this.books = new Books(new Pricing(config.rates(), ExecutorRegistry.builtIn()), accounts, clock, config.checking().holdWindow().toMillis(),
                snapshot.totalFeesNanos(), snapshot.auditCostNanos());
        this.board = new TaskBoard(clock);
        this.trust = new TrustBook(config.checking().policy(), snapshot.trust(), r -> store.submit(t -> t.trust.put(r)),
                () -> ThreadLocalRandom.current().nextDouble());
        this.outbox = new Outbox(gamers);
        this.durable = new Durable(store, loop);
        this.router = new Router(config, console, store, clock, board, trust, outbox, peers);
        this.router.listen(this);
        this.verifier = new Verifier(config, console, store, durable, clock, board, trust, books, router, outbox, new KnownAnswers());
        this.registrations = new Registrations(config, console, store, clock, accounts, trust, outbox, peers, gamers, router);
        this.splits = new Splits(config, console, store, durable, loop, clock, board, books, outbox, new SplitHost());
        this.outbox.tiles(splits);
        this.tasksStored = snapshot.tasksStored();
        Resumed.checks(snapshot.pendingChecks(), accounts, clock, board, router, verifier, config);
    }

    // ---- connections and registration ----

    public void closed(Session s, String reason) {
        s.closed = true;
        GamerState gamer = registrations.closed(s, reason);
        if (gamer != null) {
            // Work nobody runs yet is dropped, unbilled; work already on a peer finishes, is billed and cached.
            for (Task t : new ArrayList<>(gamer.open.values())) {
                if (t.state == Task.State.ANSWERED || t.tileOf != null) {
                    continue; // a tile goes with its render
                }
                boolean stillWanted = t.joined.stream().anyMatch(g -> g.connected);
                boolean running = t.split != null ? t.split.anyTileRunning() : t.runs.stream().anyMatch(r -> r.state == Run.State.RUNNING);
                if (!stillWanted && !running) {
                    finish(t, "cancelled", ErrorCodes.CANCELLED, "the gamer disconnected");
                }
            }
        }
        router.dispatch();
    }

    public void protocolError(Session s, String code, String message, String requestId, String taskId) {
        registrations.protocolError(s, code, message, requestId, taskId);
    }

    public void heard(Session s) {
        s.lastHeardNanos = clock.nanoTime();
    }

    /** A peer's heartbeat; from anyone else it is refused like any other peer message. */
    public void heartbeat(Session s) {
        if (s.peer == null) {
            protocolError(s, s.gamer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    "heartbeat needs a connection registered with register_peer", null, null);
            return;
        }
        heard(s);
    }

    public void registerPeer(Session s, io.p2c2r.common.protocol.RegisterPeer m) {
        registrations.registerPeer(s, m);
    }

    public void registerGamer(Session s, io.p2c2r.common.protocol.RegisterGamer m) {
        registrations.registerGamer(s, m);
    }

    // ---- submissions ----

    public void submit(Session s, Submission sub) {
        String requestId = sub.message().requestId();
        if (s.gamer == null) {
            protocolError(s, s.peer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    "submit_task needs a connection registered with register_gamer", requestId, null);
            return;
        }
        GamerState gamer = s.gamer;
        if (gamer.open.containsKey(requestId)) {
            protocolError(s, ErrorCodes.DUPLICATE_REQUEST, "request_id '" + requestId + "' is already open on this connection",
                    requestId, null);
            return;
        }
        if (sub.ok() && joined(gamer, requestId)) {
            return;
        }
        String refusal = sub.ok() ? admission(gamer, sub.split()) : sub.error();
        if (refusal != null) {
            outbox.send(s, Replies.error(requestId, null, sub.ok() ? ErrorCodes.TOO_MANY_TASKS : sub.errorCode(), refusal, 0, 0));
            return;
        }
        long timeoutMs = sub.message().timeoutMs() != null ? sub.message().timeoutMs() : config.defaultTaskTimeout().toMillis();
        boolean wait = sub.message().waitForAgreement();
        Task task = new Task(board.newId(), requestId, gamer, sub.type(), sub.version(), sub.cacheKey(),
                sub.message().task().data(), sub.maxWorkUnits(), clock.nanoTime(), timeoutMs * 1_000_000L, wait);
        if (sub.split() != null) {
            task.split = new Split(task, sub.split());
        }
        launch(task);
    }

    /** Opens a task on the board and asks the store for its request id's earlier answer and for the cache. */
    private void launch(Task task) {
        board.open(task);
        long nowMillis = clock.millis();
        String gamerId = task.gamer.account.id;
        String requestId = task.requestId;
        store.query(t -> StoredAnswers.lookup(t, gamerId, requestId, task.cacheKey, nowMillis),
                found -> loop.execute(() -> looked(task, found)));
    }

    /** What {@link Splits} needs of the hub, kept out of Hub's own surface. */
    private final class SplitHost implements Splits.Host {
        @Override
        public void launch(Task task) {
            Hub.this.launch(task);
        }

        @Override
        public void fail(Task task, String status, String code, String message) {
            finish(task, status, code, message);
        }

        @Override
        public void completed(Task parent, String verification, String peerId, double processingMs, long costNanos) {
            ended(parent, "completed", null, verification, peerId, processingMs, costNanos);
        }
    }

    /** A request id this gamer has open on another connection (it reconnected and sent it again): wait for it there. */
    private boolean joined(GamerState gamer, String requestId) {
        Task open = board.openByRequest(gamer.account.id, requestId);
        if (open == null) {
            return false;
        }
        open.joined.add(gamer);
        console.debug(" " + gamer.account.id + " sent " + requestId + " again; it joins " + open.id);
        return true;
    }

    /** The submission's lookups came back: a stored answer for a request sent again, a cache hit, or new work. */
    private void looked(Task task, StoredAnswers.Lookup found) {
        if (task.state != Task.State.LOOKUP) {
            return; // cancelled or timed out while the lookups ran
        }
        if (found.replay() != null) {
            board.answered(task);
            outbox.toGamer(task, found.replay());
            return;
        }
        tasksStored++;
        TaskRow row = new TaskRow(task.id, task.requestId, task.gamer.account.id, task.type.wireName(), task.version,
                task.cacheKey, task.data.text(), clock.millis(), task.waitMode ? "wait" : "first");
        store.submit(t -> t.submitted(row));
        cacheAnswer(task, found.hit());
    }

    /** Why a valid submission cannot be taken now, or null if it can. */
    private String admission(GamerState gamer, SplitPlan split) {
        int tasks = 1 + (split == null ? 0 : split.tiles().size()); // a split render's tiles are tasks too
        int openForGamer = board.openFor(gamer.account.id);
        if (openForGamer + tasks > config.maxOpenTasksPerGamer()) {
            return "gamer " + gamer.account.id + " already has " + openForGamer + " open tasks; the limit is "
                    + config.maxOpenTasksPerGamer() + (tasks > 1 ? " and this render needs " + tasks + " (its tiles count)" : "");
        }
        if (board.openCount() + tasks > config.maxQueuedTasks()) {
            return "the coordinator holds " + board.openCount() + " open tasks, its limit; try again shortly";
        }
        return split == null ? null : splits.admission(split);
    }

    private void cacheAnswer(Task task, Optional<CachedResult> hit) {
        if (task.state != Task.State.LOOKUP) {
            return; // cancelled or timed out while the lookup ran
        }
        if (hit.isPresent()) {
            cacheHits++;
            console.info(" Cache hit: " + task.type.wireName() + " for " + task.gamer.account.id + " (saved compute!)");
            board.answered(task);
            double ms = hit.get().processingMs();
            Long finished = clock.millis();
            ended(task, "cached", null, null, null, ms, 0);
            durable.then(t -> t.tasks.update(task.id, "cached", null, 0, finished, ms, null, null),
                    () -> outbox.toGamer(task, Replies.cached(task, hit.get())));
            return;
        }
        task.state = Task.State.WAITING;
        if (task.split != null) {
            splits.start(task);
            return;
        }
        Run primary = router.newRun(task, Run.Kind.PRIMARY, true);
        if (task.waitMode) {
            router.newRun(task, Run.Kind.REPLICA, true);
        }
        router.dispatch();
        if (primary.state == Run.State.QUEUED) {
            storeStatus(task, "queued", null, null, null);
            outbox.toGamer(task, new TaskAccepted(task.requestId, task.id, "queued", null));
        }
    }

    /** A gamer withdraws a task: dropped unbilled if no peer runs it yet, else refused (it finishes and is billed). */
    public void cancel(Session s, CancelTask m) {
        if (s.gamer == null) {
            protocolError(s, s.peer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    "cancel_task needs a connection registered with register_gamer", m.requestId(), null);
            return;
        }
        Task task = board.openByRequest(s.gamer.account.id, m.requestId());
        if (task == null) {
            protocolError(s, ErrorCodes.UNKNOWN_TASK, "request_id '" + m.requestId() + "' names no open task of gamer "
                    + s.gamer.account.id, m.requestId(), null);
        } else if (task.runs.stream().anyMatch(r -> r.state == Run.State.RUNNING)) {
            outbox.send(s, new ErrorMessage(ErrorCodes.CANNOT_CANCEL, "task " + task.id + " is already running on a peer; "
                    + "it finishes, is billed, and its result follows", m.requestId(), task.id));
        } else if (task.split != null && task.state == Task.State.WAITING) {
            finish(task, "cancelled", ErrorCodes.CANCELLED, splits.cancelNote(task));
        } else {
            finish(task, "cancelled", ErrorCodes.CANCELLED, "cancelled by the gamer before any peer ran it; nothing is charged");
        }
    }

    /** A gamer asks for the current answer of one of its tasks (after a reconnection, say). */
    public void getTask(Session s, GetTask g) {
        if (s.gamer == null) {
            protocolError(s, s.peer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    "get_task needs a connection registered with register_gamer", g.requestId(), g.taskId());
            return;
        }
        String gamerId = s.gamer.account.id;
        for (Task t : board.snapshot()) {
            if (t.id.equals(g.taskId()) && t.gamer.account.id.equals(gamerId)) {
                outbox.send(s, Replies.error(g.requestId(), t.id, ErrorCodes.NOT_FINISHED,
                        "task " + t.id + " is not finished; its task_result will follow on the connection that submitted it",
                        t.attempts(), 0));
                return;
            }
        }
        store.query(t -> StoredAnswers.find(t, g.requestId(), g.taskId(), gamerId), reply -> loop.execute(() -> outbox.send(s, reply)));
    }

    // ---- results ----

    public void peerResult(Session s, ResultCheck checked) {
        PeerTaskResult r = checked.message();
        if (s.peer == null) {
            protocolError(s, s.gamer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    "task_result needs a connection registered with register_peer", null, r.taskId());
            return;
        }
        PeerState peer = s.peer;
        Run run = peer.held.remove(r.taskId());
        if (run == null) {
            console.warn(" Refused a result from " + peer.account.id + " for task " + r.taskId() + ": not held");
            outbox.send(s, new ErrorMessage(ErrorCodes.TASK_NOT_HELD, "peer " + peer.account.id + " does not hold task "
                    + r.taskId() + " (never assigned to it, already answered, or reassigned after its deadline)",
                    null, r.taskId()));
            return;
        }
        long observedMicros = (clock.nanoTime() - run.dispatchedNanos) / 1_000;
        peer.observed(run.task.type, observedMicros / 1000.0);
        if (!PeerTaskResult.COMPLETED.equals(r.status())) {
            failedRun(run, peer, r);
        } else if (checked.mismatch() != null || books.pricing().refusal(run.task, checked.workUnits()) != null) {
            String why = checked.mismatch() != null ? checked.mismatch() : books.pricing().refusal(run.task, checked.workUnits());
            console.warn(" Refused a result from " + peer.account.id + " for " + run.id + ": " + why);
            outbox.send(s, new ErrorMessage(checked.mismatch() != null ? ErrorCodes.RESULT_MISMATCH : ErrorCodes.INVALID_RESULT,
                    why, null, r.taskId()));
            trust.disagreed(peer.account.id, run.task.type.wireName(), clock.millis());
            router.lost(run, "peer " + peer.account.id + " sent a result that was refused: " + why);
        } else {
            completedRun(run, peer, r, checked);
        }
        router.dispatch();
    }

    private void failedRun(Run run, PeerState peer, PeerTaskResult r) {
        Task task = run.task;
        boolean gamerWaits = run.urgent && task.state == Task.State.WAITING;
        if (ErrorCodes.NOT_AVAILABLE.equals(r.errorCode())) {
            router.lost(run, "peer " + peer.account.id + " cannot run it: " + r.error());
        } else if (!gamerWaits || !trust.trusted(peer.account.id, task.type.wireName())) {
            // A check's failure, or an untrusted peer's, is not the algorithm's verdict: try another peer.
            router.lost(run, "peer " + peer.account.id + " failed it: " + r.error());
        } else {
            console.info(" Failed " + task.id + " on " + peer.account.id + ": " + r.error());
            finish(task, "failed", r.errorCode() != null ? r.errorCode() : ErrorCodes.EXECUTION_FAILED, r.error());
        }
    }

    private void completedRun(Run run, PeerState peer, PeerTaskResult r, ResultCheck checked) {
        Task task = run.task;
        run.state = Run.State.DONE;
        run.peerId = peer.account.id;
        run.host = peer.host;
        run.sha256 = checked.sha256();
        run.workUnits = checked.workUnits();
        run.processingMs = r.processingTimeMs();
        run.bill = books.pricing().bill(task, run.workUnits);
        run.peer = peer;
        task.votes.add(new Vote(run.id, run.peerId, run.host, run.sha256));
        if (task.spotCheck()) {
            LedgerRow row = books.recordRun(task, run, 0, true);
            accepted(run, row);
            verifier.spotAnswered(task, run);
        } else if (task.state == Task.State.WAITING && !task.waitMode) {
            firstResult(task, run, r);
        } else if (task.state == Task.State.WAITING) {
            waitModeVote(task, run, r);
        } else {
            LedgerRow row = books.recordRun(task, run, 0, true);
            accepted(run, row);
            verifier.vote(task, false).ifPresent(sha -> verifier.resolve(task, sha, r.result(), 1));
        }
        run.peer = null;
        observer.runCompleted(task.type, run.kind.wire(), run.processingMs);
    }

    /** Answers the gamer at once with the first result; opens a check if the peer is untrusted or sampled. */
    private void firstResult(Task task, Run run, PeerTaskResult r) {
        String type = task.type.wireName();
        boolean trusted = trust.trusted(run.peerId, type);
        boolean check = router.canCheckMore() && trust.sampleCheck(run.peerId, type);
        String verification = check ? Verification.PENDING : trusted ? Verification.TRUSTED : Verification.UNCHECKED;
        long charge = run.bill.gamerCharge().nanos();
        LedgerRow row = books.recordRun(task, run, charge, check);
        accepted(run, row);
        answer(task, run, r.result(), r.metrics(), verification, charge, charge);
        console.info(String.format(" Result %s → %s (%.1fms, %s, %s)", task.id, task.gamer.account.id,
                run.processingMs, Money.ofNanos(charge).format(9), verification));
        if (check) {
            verifier.open(task, trusted, false);
        }
    }

    /** A wait-mode task answers only once two independent peers agree. */
    private void waitModeVote(Task task, Run run, PeerTaskResult r) {
        LedgerRow row = books.recordRun(task, run, 0, true);
        accepted(run, row);
        if (task.heldResult == null && r.result().text().length() <= config.checking().maxHeldResultBytes()) {
            task.heldResult = r.result();
            task.heldRun = run;
        }
        if (!task.checking) {
            task.checking = true;
            task.checkStartedNanos = clock.nanoTime();
            board.startCheck(task);
            router.checkOpened(task);
        }
        Optional<String> agreed = verifier.vote(task, true);
        if (agreed.isPresent()) {
            long twoRuns = 2 * task.billOf(agreed.get()).gamerCharge().nanos();
            answer(task, run, r.result(), r.metrics(), Verification.VERIFIED, 0, twoRuns);
            verifier.resolve(task, agreed.get(), r.result(), 2);
        } else if (Verification.DISPUTED.equals(task.verification)) {
            answerError(task, "failed", ErrorCodes.EXECUTION_FAILED, "no two peers agreed on this task's result after "
                    + task.runs.size() + " runs; nothing is charged");
        }
    }

    /**
     * Answers the gamer with a computed result and records it: the task row, the cache, and {@code chargeNow},
     * what this answer charges (a wait-mode answer's two runs are charged by the settlement that follows).
     * {@code cost} is what the gamer is told it paid.
     */
    private void answer(Task task, Run run, RawJson result, Map<String, Double> metrics, String verification,
                        long chargeNow, long cost) {
        books.charge(task, chargeNow);
        task.delivered = run;
        task.deliveredSha = run.sha256;
        task.verification = verification;
        board.answered(task);
        long now = clock.millis();
        boolean servable = Verification.TRUSTED.equals(verification) || Verification.VERIFIED.equals(verification);
        CacheEntry cache = Verification.UNCHECKED.equals(verification) ? null : new CacheEntry(task.cacheKey, task.id,
                task.type.wireName(), task.version, result.text(), run.sha256, run.processingMs, run.peerId,
                servable ? verification : Verification.PENDING, now, now + config.cacheTtl().toMillis());
        Answer a = new Answer(task.id, task.gamer.account.id, run.peerId, task.attempts(), run.processingMs, chargeNow,
                verification, run.sha256, cache, now);
        var reply = Replies.completed(task, run, result, metrics, verification, cost);
        ended(task, "completed", null, verification, run.peerId, run.processingMs, cost);
        durable.then(t -> t.answered(a), () -> outbox.toGamer(task, reply));
    }

    /** Acknowledges a run's result to its peer: what it earns (pending), its totals and its standing. */
    private void accepted(Run run, LedgerRow row) {
        Task task = run.task;
        RunRow rr = new RunRow(run.id, task.id, run.peerId, run.host, run.kind.wire(), run.sha256, run.workUnits,
                run.processingMs, row.createdAt());
        AccountState a = run.peer.account;
        Session peer = run.peer.session;
        ResultAccepted ack = new ResultAccepted(run.id, Money.ofNanos(row.earningNanos()).toUsdString(),
                row.earningNanos(), Money.ofNanos(a.totalNanos + a.pendingNanos).toUsdString(),
                Money.ofNanos(a.pendingNanos).toUsdString(), Money.ofNanos(a.totalNanos).toUsdString(),
                trust.level(run.peerId, task.type.wireName()));
        durable.then(t -> t.runCompleted(rr, row), () -> outbox.send(peer, ack));
    }

    // ---- contributor controls: capacity and hand-backs ----

    /** Hand-backs per task that cost it no attempt; past this a hostile peer cannot bounce a task for ever. */
    static final int FREE_RELEASES = 8;

    /** A peer's {@code capacity}: how many tasks it takes at once from now on (0 = paused). */
    public void capacity(Session s, Capacity m) {
        PeerState peer = peerOrRefuse(s, Capacity.TYPE, null);
        if (peer == null) {
            return;
        }
        heard(s);
        int declared = peer.capabilities.slots();
        if (m.slots() > declared) {
            protocolError(s, ErrorCodes.INVALID_FIELD, "capacity: slots = '" + m.slots() + "' must be in [0, " + declared
                    + "], the slots this peer declared when it registered", null, null);
            return;
        }
        if (m.slots() != peer.usableSlots) {
            console.info(" Peer " + peer.account.id + (m.slots() == 0 ? " paused" : " takes " + m.slots() + " of "
                    + declared + " slots") + (m.reason() != null ? ": " + m.reason() : ""));
        }
        peer.usableSlots = m.slots();
        router.dispatch();
    }

    /** A peer hands a run back unfinished: front of its queue at once, no attempt counted, nothing billed. */
    public void released(Session s, ReleaseTask m) {
        PeerState peer = peerOrRefuse(s, ReleaseTask.TYPE, m.taskId());
        if (peer == null) {
            return;
        }
        heard(s);
        Run run = peer.held.remove(m.taskId());
        if (run == null) {
            outbox.send(s, new ErrorMessage(ErrorCodes.TASK_NOT_HELD, "peer " + peer.account.id + " does not hold task "
                    + m.taskId() + " (never assigned to it, already answered, or reassigned)", null, m.taskId()));
            return;
        }
        Task task = run.task;
        String why = "peer " + peer.account.id + " handed it back" + (m.reason() != null ? " (" + m.reason() + ")" : "");
        if (++task.releases > FREE_RELEASES) {
            router.lost(run, why + ", " + task.releases + " times");
        } else {
            run.peer = null;
            run.attempts--;
            console.info(" Requeued " + run.id + " (" + task.type.wireName() + "): " + why);
            board.enqueue(run, true);
        }
        router.dispatch();
        if (run.kind == Run.Kind.PRIMARY && run.state == Run.State.QUEUED && task.state == Task.State.WAITING) {
            store.submit(t -> t.tasks.update(task.id, "queued", null, run.attempts, null, null, null, null));
            outbox.toGamer(task, new TaskAccepted(task.requestId, task.id, "queued", null));
        }
    }

    /** The session's peer, or null after refusing {@code what} from a connection that is not a peer. */
    private PeerState peerOrRefuse(Session s, String what, String taskId) {
        if (s.peer == null) {
            protocolError(s, s.gamer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    what + " needs a connection registered with register_peer", null, taskId);
        }
        return s.peer;
    }

    // ---- runs that cannot be retried ----

    @Override
    public void exhausted(Run run, String why) {
        Task task = run.task;
        if (task.spotCheck()) {
            return;
        }
        if (task.state == Task.State.WAITING && run.urgent) {
            task.cutOffRows = books.cutOff(task, run, config.checking().policy().sameHostQuorum());
            if (clock.nanoTime() >= task.overallDeadlineNanos()) {
                timeout(task);
            } else {
                finish(task, "failed", ErrorCodes.PEER_FAILED, "task " + why);
            }
        } else if (task.checking && !Router.outstanding(task)) {
            verifier.abandon(task);
        }
    }

    // ---- time ----

    /** Runs a few times a second: deadlines, timeouts, hold windows, silent peers, spot checks. */
    public void tick() {
        long now = clock.nanoTime();
        router.expireDeadlines(now);
        for (Task task : board.snapshot()) {
            if (task.state != Task.State.ANSWERED && now > task.overallDeadlineNanos()) {
                timeout(task);
            }
        }
        verifier.expire(now);
        registrations.dropSilentPeers(now);
        spotChecks(now);
        router.dispatch();
    }

    private void spotChecks(long now) {
        long interval = config.checking().spotCheckInterval().toNanos();
        if (interval == 0 || board.queuedCount() > 0) {
            return;
        }
        for (PeerState p : peers.values()) {
            if (p.held.isEmpty() && now - p.lastSpotCheckNanos >= interval) {
                p.lastSpotCheckNanos = now;
                verifier.spotCheck(p);
            }
        }
    }

    public void purgeCache() {
        long now = clock.millis();
        long keepRequests = now - config.cacheTtl().toMillis();
        store.submit(t -> {
            int n = t.results.purgeExpired(now);
            t.tasks.purgeRequests(keepRequests);
            if (n > 0) {
                console.info(" Cache: purged " + n + " expired results");
            }
        });
    }

    /** Grants pending earnings whose hold window has passed. */
    public void grantDue() {
        long now = clock.millis();
        store.query(t -> t.grantDue(now), granted -> loop.execute(() -> books.granted(granted)));
    }

    private void timeout(Task task) {
        if (task.waitMode && task.heldResult != null) {
            // No agreement in time: answer with the first result, marked pending; the check goes on.
            Run run = task.heldRun;
            long charge = run.bill.gamerCharge().nanos();
            books.recharge(run, charge);
            store.submit(t -> t.recharge(run.id, charge));
            answer(task, run, task.heldResult, null, Verification.PENDING, charge, charge);
            task.heldResult = null;
            for (Run r : task.runs) {
                board.requeue(r, false);
            }
            return;
        }
        String why = task.split != null && task.state == Task.State.WAITING
                ? "the render did not complete within " + task.timeoutNanos / 1_000_000 + " ms (" + task.split.progress() + ")"
                : task.attempts() == 0
                ? "no peer running " + task.type.wireName() + " v" + task.version + " became free within "
                        + task.timeoutNanos / 1_000_000 + " ms"
                : "the task did not complete within " + task.timeoutNanos / 1_000_000 + " ms (" + task.attempts() + " attempt(s))";
        finish(task, "timeout", ErrorCodes.TIMEOUT, why);
    }

    // ---- shared endings ----

    /** Ends a task the gamer gets no result for; runs still out are cancelled (their late answers are refused). */
    private void finish(Task task, String status, String code, String message) {
        if (task.checking && !task.votes.isEmpty()) {
            verifier.dispute(task);
        }
        router.cancelRuns(task);
        answerError(task, status, code, message);
    }

    private void answerError(Task task, String status, String code, String message) {
        // A split render has no charge of its own: its tiles were billed, and those that completed stay billed.
        long cost = task.split != null ? task.split.costNanos : 0;
        if (task.state != Task.State.ANSWERED) {
            ended(task, status, code, null, null, 0, task.split != null ? cost : task.chargedNanos);
        }
        board.answered(task);
        if (task.split != null) {
            splits.parentEnded(task);
        }
        storeStatus(task, status, code, message, null);
        List<LedgerRow> cut = task.cutOffRows;
        if (cut.isEmpty()) {
            outbox.toGamer(task, Replies.error(task.requestId, task.id, code, message, task.attempts(), cost));
            return;
        }
        task.cutOffRows = List.of();
        String billed = message + "; billed " + Money.ofNanos(task.chargedNanos).format(9) + " for the time "
                + cut.size() + " peers worked on it before their deadlines";
        GamerTaskResult reply = Replies.error(task.requestId, task.id, code, billed, task.attempts(), task.chargedNanos);
        console.info(" Cut off " + task.id + ": " + billed);
        durable.then(t -> t.cutOff(cut), () -> outbox.toGamer(task, reply));
    }

    private void storeStatus(Task task, String status, String code, String error, Double processingMs) {
        int attempts = task.attempts();
        Long finished = task.state == Task.State.ANSWERED ? clock.millis() : null;
        store.submit(t -> t.tasks.update(task.id, status, null, attempts, finished, processingMs, code, error));
    }

    /** Runs {@code action} on the loop once every open check has been decided. */
    public void whenChecksSettle(Runnable action) {
        verifier.whenIdle(action);
    }

    // ---- views ----

    /** Lets {@code o} hear every task outcome and accepted run from now on (one observer; views fan out). */
    public void observe(TaskObserver o) {
        this.observer = o == null ? TaskObserver.NONE : o;
    }

    /** An immutable picture of peers, counters and books for views on other threads. */
    public HubView view() {
        return Views.of(clock.millis(), stats(), peers.values(), accounts, trust);
    }

    private void ended(Task task, String outcome, String code, String verification, String peerId, double processingMs,
                       long costNanos) {
        if (task.gamer != null) {
            observer.taskEnded(new TaskEnd(task.id, task.type, task.gamer.account.id, outcome, code, verification, peerId,
                    (clock.nanoTime() - task.submittedNanos) / 1e6, processingMs, costNanos, clock.millis()));
        }
    }

    // ---- stats and shutdown ----

    public Stats stats() {
        long distinctGamers = gamers.stream().map(g -> g.account.id).distinct().count();
        Verifier.Counts c = verifier.counts();
        int paused = (int) peers.values().stream().filter(p -> p.usableSlots == 0).count();
        return new Stats((clock.nanoTime() - startNanos) / 1_000_000, peers.size(), (int) distinctGamers,
                router.runsRouted(), books.completed(), cacheHits, books.revenueNanos(), tasksStored, board.queuedCount(),
                (int) peers.values().stream().mapToLong(p -> p.held.size()).sum(), paused, books.runRevenueNanos(),
                c.open(), c.verified(), c.corrected(), c.disputed(), c.outvoted(), trust.trustedPairs(), books.auditCostNanos());
    }

    /** Tells every open task's gamer that the coordinator is going away and closes every connection. */
    public void shutdown() {
        for (Task task : board.snapshot()) {
            router.cancelRuns(task);
            answerError(task, "interrupted", ErrorCodes.SHUTTING_DOWN, "the coordinator is shutting down");
        }
        splits.close();
        registrations.closeAll();
    }
}
