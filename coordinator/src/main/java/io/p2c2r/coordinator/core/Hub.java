package io.p2c2r.coordinator.core;

import io.p2c2r.common.Version;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.money.Rates;
import io.p2c2r.common.protocol.Capacity;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ReleaseTask;
import io.p2c2r.common.protocol.ResultAccepted;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.TaskAccepted;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.CachedResult;
import io.p2c2r.coordinator.store.Completion;
import io.p2c2r.coordinator.store.Snapshot;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.coordinator.store.TaskRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The coordinator's state machine: sessions, registration, routing, results, deadlines. Every method runs
 * on the {@link EventLoop} thread, which alone reads and writes this state; the database is written
 * through {@link Store}'s queue and read back through loop callbacks.
 */
public final class Hub {
    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final Executor loop;
    private final Accounts accounts;
    private final Books books;
    private final TaskBoard board;
    private final Map<String, PeerState> peers = new LinkedHashMap<>();
    private final List<GamerState> gamers = new ArrayList<>();
    private final Clock clock;
    private final long startNanos;
    private long assignSeq;
    private long tasksRouted;
    private long tasksStored;
    private long cacheHits;

    public Hub(CoordinatorConfig config, Console console, Store store, Executor loop, Clock clock, Snapshot snapshot) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.loop = loop;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.accounts = new Accounts(snapshot, store);
        this.books = new Books(config.rates(), config.cacheTtl().toMillis(), snapshot.totalFeesNanos(), clock);
        this.board = new TaskBoard(clock);
        this.tasksStored = snapshot.tasksStored();
    }

    // ---- connections ----

    public void closed(Session s, String reason) {
        s.closed = true;
        if (s.peer != null && peers.get(s.peer.account.id) == s.peer) {
            console.info(" Peer disconnected: " + s.peer.account.id + " (" + reason + ")");
            detachPeer(s.peer, "peer " + s.peer.account.id + " disconnected");
        }
        if (s.gamer != null && gamers.remove(s.gamer)) {
            console.info(" Gamer disconnected: " + s.gamer.account.id + " (" + reason + ")");
            s.gamer.connected = false;
            // Queued work nobody will receive is dropped; work already on a peer finishes, is billed and cached.
            for (Task t : new ArrayList<>(s.gamer.open.values())) {
                if (t.state != Task.State.RUNNING) {
                    finish(t, "cancelled", ErrorCodes.CANCELLED, "the gamer disconnected");
                }
            }
        }
        dispatch();
    }

    public void protocolError(Session s, String code, String message, String requestId, String taskId) {
        s.protocolErrors++;
        console.debug(" Refused a message from " + s.describe() + ": " + code + ": " + message);
        send(s, new ErrorMessage(code, message, requestId, taskId));
        if (s.protocolErrors > 100) {
            s.channel.close(CloseReason.POLICY, "too many bad messages");
        }
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

    // ---- registration ----

    public void registerPeer(Session s, RegisterPeer m) {
        Accounts.Granted g = grant(s, () -> accounts.peer(m.peerId(), m.token(), clock.millis()));
        if (g == null) {
            return;
        }
        PeerState previous = peers.remove(m.peerId());
        if (previous != null) {
            previous.session.channel.close(CloseReason.POLICY, "replaced by a new connection of the same peer");
            detachPeer(previous, "peer " + m.peerId() + " reconnected");
        }
        PeerState p = new PeerState(s, g.account(), m.capabilities());
        s.peer = p;
        peers.put(m.peerId(), p);
        var caps = m.capabilities();
        long now = clock.millis();
        store.submit(t -> t.peers.seen(m.peerId(), caps.platform(), caps.cores(), caps.slots(), caps.softwareVersion(), now));
        send(s, registered(Registered.PEER, g));
        console.info(" Peer connected: " + m.peerId() + " (" + s.channel.remote() + ") " + caps.slots() + " slots, "
                + caps.tasks().size() + " task types" + (g.created() ? ", new" : ""));
        dispatch();
    }

    public void registerGamer(Session s, RegisterGamer m) {
        Accounts.Granted g = grant(s, () -> accounts.gamer(m.gamerId(), m.token(), clock.millis()));
        if (g == null) {
            return;
        }
        GamerState gs = new GamerState(s, g.account());
        s.gamer = gs;
        gamers.add(gs);
        long now = clock.millis();
        store.submit(t -> t.gamers.seen(m.gamerId(), now));
        send(s, registered(Registered.GAMER, g));
        console.info(" Gamer connected: " + m.gamerId() + " (" + s.channel.remote() + ")");
    }

    private interface Grant {
        Accounts.Granted get() throws Accounts.Refused;
    }

    /** Checks the session may register and the identity's token; on refusal answers, closes and returns null. */
    private Accounts.Granted grant(Session s, Grant grant) {
        if (s.registered()) {
            protocolError(s, ErrorCodes.ALREADY_REGISTERED, "this connection is already registered as " + s.describe(), null, null);
            return null;
        }
        try {
            return grant.get();
        } catch (Accounts.Refused e) {
            console.warn(" Registration refused from " + s.channel.remote() + ": " + e.getMessage());
            send(s, ErrorMessage.of(ErrorCodes.AUTH_FAILED, e.getMessage()));
            s.channel.close(CloseReason.POLICY, "registration refused");
            return null;
        }
    }

    private Registered registered(String role, Accounts.Granted g) {
        Rates r = config.rates();
        return new Registered(role, g.account().id, g.token(), r.peerPerHour().toUsdString(),
                r.gamerPerHour().toUsdString(), r.feePercent(), Version.get(),
                Money.ofNanos(g.account().totalNanos).toUsdString());
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
        String refusal = sub.ok() ? admission(gamer) : sub.error();
        if (refusal != null) {
            send(s, Replies.error(requestId, null, sub.ok() ? ErrorCodes.TOO_MANY_TASKS : sub.errorCode(), refusal, 0));
            return;
        }
        long timeoutMs = sub.message().timeoutMs() != null ? sub.message().timeoutMs() : config.defaultTaskTimeout().toMillis();
        Task task = new Task(board.newId(), requestId, gamer, sub.type(), sub.version(), sub.cacheKey(),
                sub.message().task().data(), clock.nanoTime(), timeoutMs * 1_000_000L);
        board.open(task);
        tasksStored++;
        long nowMillis = clock.millis();
        TaskRow row = new TaskRow(task.id, requestId, gamer.account.id, task.type.wireName(), task.version,
                task.cacheKey, task.data.text(), nowMillis);
        store.submit(t -> t.submitted(row));
        store.query(t -> t.results.find(task.cacheKey, nowMillis), hit -> loop.execute(() -> cacheAnswer(task, hit)));
    }

    /** Why a valid submission cannot be taken now, or null if it can. */
    private String admission(GamerState gamer) {
        int openForGamer = board.openFor(gamer.account.id);
        if (openForGamer >= config.maxOpenTasksPerGamer()) {
            return "gamer " + gamer.account.id + " already has " + openForGamer + " open tasks; the limit is "
                    + config.maxOpenTasksPerGamer();
        }
        if (board.openCount() >= config.maxQueuedTasks()) {
            return "the coordinator holds " + board.openCount() + " open tasks, its limit; try again shortly";
        }
        return null;
    }

    private void cacheAnswer(Task task, Optional<CachedResult> hit) {
        if (task.state != Task.State.LOOKUP) {
            return; // cancelled or timed out while the lookup ran
        }
        if (hit.isPresent()) {
            cacheHits++;
            console.info(" Cache hit: " + task.type.wireName() + " for " + task.gamer.account.id + " (saved compute!)");
            board.close(task);
            storeStatus(task, "cached", null, null, hit.get().processingMs());
            sendToGamer(task, Replies.cached(task, hit.get()));
            return;
        }
        board.queueLast(task);
        storeStatus(task, "queued", null, null, null);
        dispatch();
        if (task.state == Task.State.QUEUED) {
            // Only a task that really waits is reported queued; one dispatched at once goes straight to running.
            sendToGamer(task, new TaskAccepted(task.requestId, task.id, "queued", null));
        }
    }

    // ---- routing ----

    private void dispatch() {
        int free = 0;
        for (PeerState p : peers.values()) {
            free += Math.max(0, p.freeSlots());
        }
        for (Iterator<Task> it = board.queued(); it.hasNext() && free > 0; ) {
            Task task = it.next();
            PeerState peer = PeerPicker.pick(task, peers.values());
            if (peer != null) {
                it.remove();
                assign(task, peer);
                free--;
            }
        }
    }

    private void assign(Task task, PeerState peer) {
        long now = clock.nanoTime();
        long execNanos = Math.max(1_000_000L, Math.min(config.executionTimeout().toNanos(), task.overallDeadlineNanos() - now));
        task.state = Task.State.RUNNING;
        task.peer = peer;
        task.attempts++;
        task.triedPeers.add(peer.account.id);
        task.dispatchedNanos = now;
        task.executionDeadlineNanos = now + execNanos;
        peer.held.put(task.id, task);
        peer.lastAssignedSeq = ++assignSeq;
        tasksRouted++;
        console.info(" Task " + task.type.wireName() + " from " + task.gamer.account.id + " → " + peer.account.id
                + (task.attempts > 1 ? " (attempt " + task.attempts + ")" : ""));
        send(peer.session, new ExecuteTask(task.id, task.type.wireName(), task.data, task.version, execNanos / 1_000_000L));
        storeStatus(task, "running", null, null, null);
        sendToGamer(task, new TaskAccepted(task.requestId, task.id, "running", peer.account.id));
    }

    /** The peer lost the task (dropped, missed its deadline, could not run it): queue it again, or give up. */
    private void retryOrFail(Task task, String why) {
        task.peer = null;
        if (clock.nanoTime() >= task.overallDeadlineNanos()) {
            timeout(task);
        } else if (task.attempts >= config.maxAttempts()) {
            finish(task, "failed", ErrorCodes.PEER_FAILED, "task failed on " + task.attempts + " peer(s); last: " + why);
        } else {
            console.warn(" Requeued " + task.id + " (" + task.type.wireName() + "): " + why);
            board.queueFirst(task);
            storeStatus(task, "queued", null, null, null);
        }
    }

    private void detachPeer(PeerState peer, String why) {
        peers.remove(peer.account.id, peer);
        List<Task> held = new ArrayList<>(peer.held.values());
        peer.held.clear();
        for (Task t : held) {
            retryOrFail(t, why);
        }
        dispatch();
    }

    // ---- results ----

    public void peerResult(Session s, PeerTaskResult r) {
        if (s.peer == null) {
            protocolError(s, s.gamer != null ? ErrorCodes.WRONG_ROLE : ErrorCodes.NOT_REGISTERED,
                    "task_result needs a connection registered with register_peer", null, r.taskId());
            return;
        }
        PeerState peer = s.peer;
        Task task = peer.held.remove(r.taskId());
        if (task == null) {
            console.warn(" Refused a result from " + peer.account.id + " for task " + r.taskId() + ": not held");
            send(s, new ErrorMessage(ErrorCodes.TASK_NOT_HELD, "peer " + peer.account.id + " does not hold task "
                    + r.taskId() + " (never assigned to it, already answered, or reassigned after its deadline)",
                    null, r.taskId()));
            return;
        }
        if (PeerTaskResult.COMPLETED.equals(r.status())) {
            complete(task, peer, r);
        } else if (ErrorCodes.NOT_AVAILABLE.equals(r.errorCode())) {
            retryOrFail(task, "peer " + peer.account.id + " cannot run it: " + r.error());
        } else {
            console.info(" Failed " + task.id + " on " + peer.account.id + ": " + r.error());
            finish(task, "failed", r.errorCode() != null ? r.errorCode() : ErrorCodes.EXECUTION_FAILED, r.error());
        }
        dispatch();
    }

    private void complete(Task task, PeerState peer, PeerTaskResult r) {
        Completion c = books.settle(task, peer, r);
        store.submit(t -> t.complete(c));
        board.close(task);
        console.info(String.format(" Result %s → %s (%.1fms, %s)", task.id, task.gamer.account.id,
                r.processingTimeMs(), c.bill().gamerCharge().format(9)));
        sendToGamer(task, Replies.completed(task, r, c.bill(), peer.account.id));
        send(peer.session, new ResultAccepted(task.id, c.bill().peerEarning().toUsdString(), c.bill().peerEarning().nanos(),
                Money.ofNanos(peer.account.totalNanos).toUsdString()));
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
        dispatch();
    }

    /** A peer hands a task back unfinished: front of the queue at once, no attempt counted, nothing billed. */
    public void released(Session s, ReleaseTask m) {
        PeerState peer = peerOrRefuse(s, ReleaseTask.TYPE, m.taskId());
        if (peer == null) {
            return;
        }
        heard(s);
        Task task = peer.held.remove(m.taskId());
        if (task == null) {
            send(s, new ErrorMessage(ErrorCodes.TASK_NOT_HELD, "peer " + peer.account.id + " does not hold task "
                    + m.taskId() + " (never assigned to it, already answered, or reassigned)", null, m.taskId()));
            return;
        }
        String why = "peer " + peer.account.id + " handed it back" + (m.reason() != null ? " (" + m.reason() + ")" : "");
        if (++task.releases > FREE_RELEASES) {
            retryOrFail(task, why + ", " + task.releases + " times");
        } else if (clock.nanoTime() >= task.overallDeadlineNanos()) {
            task.peer = null;
            timeout(task);
        } else {
            task.peer = null;
            task.attempts--;
            console.info(" Requeued " + task.id + " (" + task.type.wireName() + "): " + why);
            board.queueFirst(task);
            storeStatus(task, "queued", null, null, null);
        }
        dispatch();
        if (task.state == Task.State.QUEUED) {
            sendToGamer(task, new TaskAccepted(task.requestId, task.id, "queued", null));
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

    // ---- time ----

    /** Runs a few times a second: deadlines, timeouts, silent peers. */
    public void tick() {
        long now = clock.nanoTime();
        for (Task task : board.snapshot()) {
            if (task.state == Task.State.RUNNING && now > task.executionDeadlineNanos) {
                PeerState peer = task.peer;
                peer.held.remove(task.id);
                retryOrFail(task, "peer " + peer.account.id + " did not answer within its deadline");
            } else if (task.state != Task.State.RUNNING && now > task.overallDeadlineNanos()) {
                timeout(task);
            }
        }
        long silence = config.heartbeatTimeout().toNanos();
        for (PeerState p : new ArrayList<>(peers.values())) {
            if (now - p.session.lastHeardNanos > silence) {
                console.warn(" Peer " + p.account.id + " sent nothing for " + config.heartbeatTimeout().toSeconds() + " s; closing");
                p.session.channel.close(CloseReason.GOING_AWAY, "no heartbeat");
                detachPeer(p, "peer " + p.account.id + " went silent");
            }
        }
        dispatch();
    }

    public void purgeCache() {
        long now = clock.millis();
        store.submit(t -> {
            int n = t.results.purgeExpired(now);
            if (n > 0) {
                console.info(" Cache: purged " + n + " expired results");
            }
        });
    }

    private void timeout(Task task) {
        String why = task.attempts == 0
                ? "no peer running " + task.type.wireName() + " v" + task.version + " became free within "
                        + task.timeoutNanos / 1_000_000 + " ms"
                : "the task did not complete within " + task.timeoutNanos / 1_000_000 + " ms (" + task.attempts + " attempt(s))";
        finish(task, "timeout", ErrorCodes.TIMEOUT, why);
    }

    // ---- shared endings ----

    private void finish(Task task, String status, String code, String message) {
        if (task.peer != null) {
            task.peer.held.remove(task.id);
        }
        board.close(task);
        storeStatus(task, status, code, message, null);
        sendToGamer(task, Replies.error(task.requestId, task.id, code, message, task.attempts));
    }

    private void storeStatus(Task task, String status, String code, String error, Double processingMs) {
        String peerId = task.peer != null ? task.peer.account.id : null;
        int attempts = task.attempts;
        Long finished = task.state == Task.State.DONE ? clock.millis() : null;
        store.submit(t -> t.tasks.update(task.id, status, peerId, attempts, finished, processingMs, code, error));
    }

    private void sendToGamer(Task task, ServerMessage m) {
        if (task.gamer.connected) {
            send(task.gamer.session, m);
        }
    }

    private void send(Session s, ServerMessage m) {
        if (!s.closed) {
            s.channel.send(Codec.encode(m));
        }
    }

    // ---- stats and shutdown ----

    public Stats stats() {
        long distinctGamers = gamers.stream().map(g -> g.account.id).distinct().count();
        int paused = (int) peers.values().stream().filter(p -> p.usableSlots == 0).count();
        return new Stats((clock.nanoTime() - startNanos) / 1_000_000, peers.size(), (int) distinctGamers, tasksRouted,
                books.completed(), cacheHits, books.revenueNanos(), tasksStored, board.queuedCount(), board.runningCount(),
                paused, books.runRevenueNanos());
    }

    /** Tells every open task's gamer that the coordinator is going away and closes every connection. */
    public void shutdown() {
        for (Task task : board.snapshot()) {
            finish(task, "interrupted", ErrorCodes.SHUTTING_DOWN, "the coordinator is shutting down");
        }
        for (PeerState p : peers.values()) {
            p.session.channel.close(CloseReason.GOING_AWAY, "coordinator shutting down");
        }
        for (GamerState g : gamers) {
            g.session.channel.close(CloseReason.GOING_AWAY, "coordinator shutting down");
        }
    }
}
