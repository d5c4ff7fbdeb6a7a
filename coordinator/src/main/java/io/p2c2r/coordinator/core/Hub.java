package io.p2c2r.coordinator.core;

import io.p2c2r.common.Version;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.money.Rates;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.java_websocket.framing.CloseFrame;

/**
 * The coordinator's state machine: sessions, identities, the task queue, tasks held by peers, the books.
 * Every method runs on the {@link EventLoop} thread, which alone reads and writes this state; the
 * database is written through {@link Store}'s queue and read back through loop callbacks.
 */
public final class Hub {
    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final EventLoop loop;
    private final Accounts accounts;
    private final Map<String, PeerState> peers = new LinkedHashMap<>();
    private final List<GamerState> gamers = new ArrayList<>();
    private final Map<String, Task> open = new LinkedHashMap<>();
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final Map<String, Integer> openByGamer = new java.util.HashMap<>();
    private final long startNanos = System.nanoTime();
    private long assignSeq;
    private long taskSeq;
    private long tasksRouted;
    private long tasksStored;
    private long cacheHits;
    private long completed;
    private long revenueNanos;

    public Hub(CoordinatorConfig config, Console console, Store store, EventLoop loop, Snapshot snapshot) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.loop = loop;
        this.accounts = new Accounts(snapshot, store);
        this.tasksStored = snapshot.tasksStored();
        this.revenueNanos = snapshot.totalFeesNanos();
    }

    // ---- connections ----

    public void closed(Session s, String reason) {
        s.closed = true;
        if (s.peer != null && peers.get(s.peer.account.id) == s.peer) {
            console.info(" Peer disconnected: " + s.peer.account.id + " (" + reason + ")");
            detachPeer(s.peer, "peer " + s.peer.account.id + " disconnected");
        }
        if (s.gamer != null && gamers.remove(s.gamer)) {
            console.info(" Gamer disconnected: " + s.gamer.account.id);
            s.gamer.connected = false;
            for (Task t : new ArrayList<>(s.gamer.open.values())) {
                if (t.state != Task.State.RUNNING) {
                    queue.remove(t);
                    finish(t, "cancelled", ErrorCodes.SHUTTING_DOWN, "the gamer disconnected");
                }
            }
        }
        dispatch();
    }

    public void protocolError(Session s, String code, String message, String requestId) {
        s.protocolErrors++;
        console.debug(" Refused a message from " + s.describe() + ": " + code + ": " + message);
        send(s, new ErrorMessage(code, message, requestId, null));
        if (s.protocolErrors > 100) {
            s.link.close(CloseFrame.POLICY_VALIDATION, "too many bad messages");
        }
    }

    public void heard(Session s) {
        s.lastHeardNanos = System.nanoTime();
    }

    // ---- registration ----

    public void registerPeer(Session s, RegisterPeer m) {
        if (s.registered()) {
            protocolError(s, ErrorCodes.ALREADY_REGISTERED, "this connection is already registered as " + s.describe(), null);
            return;
        }
        Accounts.Granted g;
        try {
            g = accounts.peer(m.peerId(), m.token(), System.currentTimeMillis());
        } catch (Accounts.Refused e) {
            refuseRegistration(s, e.getMessage());
            return;
        }
        PeerState previous = peers.remove(m.peerId());
        if (previous != null) {
            previous.session.link.close(CloseFrame.POLICY_VALIDATION, "replaced by a new connection of the same peer");
            detachPeer(previous, "peer " + m.peerId() + " reconnected");
        }
        PeerState p = new PeerState(s, g.account(), m.capabilities());
        s.peer = p;
        peers.put(m.peerId(), p);
        var caps = m.capabilities();
        long now = System.currentTimeMillis();
        store.submit(t -> t.peers.seen(m.peerId(), caps.platform(), caps.cores(), caps.slots(), caps.softwareVersion(), now));
        send(s, registered(Registered.PEER, g));
        console.info(" Peer connected: " + m.peerId() + " (" + s.link.remote() + ") " + caps.slots() + " slots, "
                + caps.tasks().size() + " task types" + (g.created() ? ", new" : ""));
        dispatch();
    }

    public void registerGamer(Session s, RegisterGamer m) {
        if (s.registered()) {
            protocolError(s, ErrorCodes.ALREADY_REGISTERED, "this connection is already registered as " + s.describe(), null);
            return;
        }
        Accounts.Granted g;
        try {
            g = accounts.gamer(m.gamerId(), m.token(), System.currentTimeMillis());
        } catch (Accounts.Refused e) {
            refuseRegistration(s, e.getMessage());
            return;
        }
        GamerState gs = new GamerState(s, g.account());
        s.gamer = gs;
        gamers.add(gs);
        long now = System.currentTimeMillis();
        store.submit(t -> t.gamers.seen(m.gamerId(), now));
        send(s, registered(Registered.GAMER, g));
        console.info(" Gamer connected: " + m.gamerId() + " (" + s.link.remote() + ")");
    }

    private void refuseRegistration(Session s, String why) {
        console.warn(" Registration refused from " + s.link.remote() + ": " + why);
        send(s, ErrorMessage.of(ErrorCodes.AUTH_FAILED, why));
        s.link.close(CloseFrame.POLICY_VALIDATION, "registration refused");
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
                    "submit_task needs a connection registered with register_gamer", requestId);
            return;
        }
        GamerState gamer = s.gamer;
        if (gamer.open.containsKey(requestId)) {
            protocolError(s, ErrorCodes.DUPLICATE_REQUEST, "request_id '" + requestId + "' is already open on this connection", requestId);
            return;
        }
        if (!sub.ok()) {
            send(s, errorResult(requestId, null, sub.errorCode(), sub.error(), 0));
            return;
        }
        int openForGamer = openByGamer.getOrDefault(gamer.account.id, 0);
        if (openForGamer >= config.maxOpenTasksPerGamer()) {
            send(s, errorResult(requestId, null, ErrorCodes.TOO_MANY_TASKS, "gamer " + gamer.account.id + " already has "
                    + openForGamer + " open tasks; the limit is " + config.maxOpenTasksPerGamer(), 0));
            return;
        }
        if (open.size() >= config.maxQueuedTasks()) {
            send(s, errorResult(requestId, null, ErrorCodes.TOO_MANY_TASKS, "the coordinator holds "
                    + open.size() + " open tasks, its limit; try again shortly", 0));
            return;
        }
        long now = System.nanoTime();
        long timeoutMs = sub.message().timeoutMs() != null ? sub.message().timeoutMs() : config.defaultTaskTimeout().toMillis();
        Task task = new Task(newTaskId(), requestId, gamer, sub.type(), sub.version(), sub.cacheKey(),
                sub.message().task().data(), now, timeoutMs * 1_000_000L);
        gamer.open.put(requestId, task);
        open.put(task.id, task);
        openByGamer.merge(gamer.account.id, 1, Integer::sum);
        tasksStored++;
        long nowMillis = System.currentTimeMillis();
        TaskRow row = new TaskRow(task.id, requestId, gamer.account.id, task.type.wireName(), task.version,
                task.cacheKey, task.data.text(), nowMillis);
        store.submit(t -> t.submitted(row));
        store.query(t -> t.results.find(task.cacheKey, nowMillis), hit -> loop.execute(() -> cacheAnswer(task, hit)));
    }

    private void cacheAnswer(Task task, Optional<CachedResult> hit) {
        if (task.state != Task.State.LOOKUP) {
            return;
        }
        if (hit.isPresent()) {
            CachedResult c = hit.get();
            cacheHits++;
            console.info(" Cache hit: " + task.type.wireName() + " for " + task.gamer.account.id + " (saved compute!)");
            close(task);
            storeStatus(task, "cached", null, null, c.processingMs());
            sendToGamer(task, new GamerTaskResult(task.requestId, task.id, PeerTaskResult.COMPLETED, new RawJson(c.result()),
                    null, null, true, c.processingMs(), Money.ZERO.toUsdString(), 0, c.peerId(), 0));
            return;
        }
        task.state = Task.State.QUEUED;
        queue.addLast(task);
        storeStatus(task, "queued", null, null, null);
        sendToGamer(task, new TaskAccepted(task.requestId, task.id, "queued", null));
        dispatch();
    }

    // ---- routing ----

    private void dispatch() {
        int free = 0;
        for (PeerState p : peers.values()) {
            free += Math.max(0, p.freeSlots());
        }
        for (Iterator<Task> it = queue.iterator(); it.hasNext() && free > 0; ) {
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
        long now = System.nanoTime();
        long execNanos = Math.min(config.executionTimeout().toNanos(), task.overallDeadlineNanos() - now);
        task.state = Task.State.RUNNING;
        task.peer = peer;
        task.attempts++;
        task.triedPeers.add(peer.account.id);
        task.dispatchedNanos = now;
        task.executionDeadlineNanos = now + Math.max(execNanos, 1_000_000L);
        peer.held.put(task.id, task);
        peer.lastAssignedSeq = ++assignSeq;
        tasksRouted++;
        console.info(" Task " + task.type.wireName() + " from " + task.gamer.account.id + " → " + peer.account.id
                + (task.attempts > 1 ? " (attempt " + task.attempts + ")" : ""));
        send(peer.session, new ExecuteTask(task.id, task.type.wireName(), task.data, task.version,
                Math.max(1, execNanos / 1_000_000L)));
        storeStatus(task, "running", null, null, null);
        sendToGamer(task, new TaskAccepted(task.requestId, task.id, "running", peer.account.id));
    }

    /** The peer lost the task (dropped, missed its deadline, could not run it): queue it again, or give up. */
    private void retryOrFail(Task task, String why) {
        task.peer = null;
        if (System.nanoTime() >= task.overallDeadlineNanos()) {
            timeout(task);
        } else if (task.attempts >= config.maxAttempts()) {
            finish(task, "failed", ErrorCodes.PEER_FAILED, "task failed on " + task.attempts + " peer(s); last: " + why);
        } else {
            console.warn(" Requeued " + task.id + " (" + task.type.wireName() + "): " + why);
            task.state = Task.State.QUEUED;
            queue.addFirst(task);
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
                    "task_result needs a connection registered with register_peer", null);
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
            String code = r.errorCode() != null ? r.errorCode() : ErrorCodes.EXECUTION_FAILED;
            console.info(" Failed " + task.id + " on " + peer.account.id + ": " + r.error());
            finish(task, "failed", code, r.error());
        }
        dispatch();
    }

    private void complete(Task task, PeerState peer, PeerTaskResult r) {
        long observedMicros = (System.nanoTime() - task.dispatchedNanos) / 1_000;
        long reportedMicros = Math.round(r.processingTimeMs() * 1_000);
        Rates.Bill bill = config.rates().bill(Math.min(Math.min(reportedMicros, observedMicros), Rates.MAX_BILLED_MICROS));
        long now = System.currentTimeMillis();
        Completion c = new Completion(task.id, task.gamer.account.id, peer.account.id, task.type.wireName(), task.version,
                task.cacheKey, r.result().text(), r.processingTimeMs(), task.attempts, bill, now,
                now + config.cacheTtl().toMillis());
        store.submit(t -> t.complete(c));
        peer.account.totalNanos += bill.peerEarning().nanos();
        peer.account.tasksCompleted++;
        peer.tasksDone++;
        task.gamer.account.totalNanos += bill.gamerCharge().nanos();
        task.gamer.account.tasksCompleted++;
        revenueNanos += bill.fee().nanos();
        completed++;
        close(task);
        console.info(String.format(" Result %s → %s (%.1fms, %s)", task.id, task.gamer.account.id,
                r.processingTimeMs(), bill.gamerCharge().format(9)));
        sendToGamer(task, new GamerTaskResult(task.requestId, task.id, PeerTaskResult.COMPLETED, r.result(), null, null,
                false, r.processingTimeMs(), bill.gamerCharge().toUsdString(), bill.gamerCharge().nanos(),
                peer.account.id, task.attempts));
        send(peer.session, new ResultAccepted(task.id, bill.peerEarning().toUsdString(), bill.peerEarning().nanos(),
                Money.ofNanos(peer.account.totalNanos).toUsdString()));
    }

    // ---- time ----

    /** Runs a few times a second: deadlines, timeouts, silent peers. */
    public void tick() {
        long now = System.nanoTime();
        for (Task task : new ArrayList<>(open.values())) {
            if (task.state == Task.State.RUNNING && now > task.executionDeadlineNanos) {
                PeerState peer = task.peer;
                peer.held.remove(task.id);
                retryOrFail(task, "peer " + peer.account.id + " did not answer within its deadline");
            } else if (task.state != Task.State.RUNNING && task.state != Task.State.DONE && now > task.overallDeadlineNanos()) {
                queue.remove(task);
                timeout(task);
            }
        }
        long silence = config.heartbeatTimeout().toNanos();
        for (PeerState p : new ArrayList<>(peers.values())) {
            if (now - p.session.lastHeardNanos > silence) {
                console.warn(" Peer " + p.account.id + " sent nothing for " + config.heartbeatTimeout().toSeconds() + " s; closing");
                p.session.link.close(CloseFrame.GOING_AWAY, "no heartbeat");
                detachPeer(p, "peer " + p.account.id + " went silent");
            }
        }
        dispatch();
    }

    public void purgeCache() {
        long now = System.currentTimeMillis();
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
        close(task);
        storeStatus(task, status, code, message, null);
        sendToGamer(task, errorResult(task.requestId, task.id, code, message, task.attempts));
    }

    private void close(Task task) {
        task.state = Task.State.DONE;
        open.remove(task.id);
        task.gamer.open.remove(task.requestId, task);
        openByGamer.computeIfPresent(task.gamer.account.id, (k, v) -> v > 1 ? v - 1 : null);
    }

    private void storeStatus(Task task, String status, String code, String error, Double processingMs) {
        String peerId = task.peer != null ? task.peer.account.id : null;
        int attempts = task.attempts;
        Long finished = task.state == Task.State.DONE ? System.currentTimeMillis() : null;
        store.submit(t -> t.tasks.update(task.id, status, peerId, attempts, finished, processingMs, code, error));
    }

    private static GamerTaskResult errorResult(String requestId, String taskId, String code, String message, int attempts) {
        return new GamerTaskResult(requestId, taskId, PeerTaskResult.ERROR, null, message, code, false, null,
                Money.ZERO.toUsdString(), 0, null, attempts);
    }

    private void sendToGamer(Task task, ServerMessage m) {
        if (task.gamer.connected) {
            send(task.gamer.session, m);
        }
    }

    private void send(Session s, ServerMessage m) {
        if (!s.closed) {
            s.link.send(Codec.encode(m));
        }
    }

    private String newTaskId() {
        return "task_" + Long.toString(System.currentTimeMillis(), 36) + "_" + Long.toString(++taskSeq, 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }

    // ---- stats and shutdown ----

    public Stats stats() {
        long distinctGamers = gamers.stream().map(g -> g.account.id).distinct().count();
        long running = open.values().stream().filter(t -> t.state == Task.State.RUNNING).count();
        return new Stats((System.nanoTime() - startNanos) / 1_000_000, peers.size(), (int) distinctGamers, tasksRouted,
                completed, cacheHits, revenueNanos, tasksStored, queue.size(), (int) running);
    }

    /** Tells every open task's gamer that the coordinator is going away and closes every connection. */
    public void shutdown() {
        for (Task task : new ArrayList<>(open.values())) {
            finish(task, "interrupted", ErrorCodes.SHUTTING_DOWN, "the coordinator is shutting down");
        }
        for (PeerState p : peers.values()) {
            p.session.link.close(CloseFrame.GOING_AWAY, "coordinator shutting down");
        }
        for (GamerState g : gamers) {
            g.session.link.close(CloseFrame.GOING_AWAY, "coordinator shutting down");
        }
    }
}
