package io.p2c2r.peer;

import io.p2c2r.common.protocol.Capacity;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ReleaseTask;
import io.p2c2r.peer.status.StatusTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The peer's tasks from arrival to answer: each {@code execute_task} runs on the worker pool (never on the
 * socket thread), and exactly one answer goes back for it: its {@code task_result}, or a {@code release_task}
 * when the peer pauses or stops first, which also cancels the computation. Thread-safe: the socket thread
 * hands tasks in, workers run them, the timer and the stopping thread hand them back.
 */
final class TaskDesk {
    /** One task this peer holds; {@code answered} is set once, by whichever of result and hand-back comes first. */
    private record Held(ExecuteTask task, PeerConnection via, long deadlineNanos, AtomicBoolean answered) {
        boolean cancelled() {
            return answered.get() || via.isClosed() || System.nanoTime() > deadlineNanos;
        }
    }

    private final String peerId;
    private final ExecutorService workers;
    private final TaskRunner runner;
    private final PeerStats stats;
    private final StatusTracker status;
    private final Consumer<String> print;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile String pausedReason;

    TaskDesk(String peerId, ExecutorService workers, TaskRunner runner, PeerStats stats, StatusTracker status,
             Consumer<String> print) {
        this.peerId = peerId;
        this.workers = workers;
        this.runner = runner;
        this.stats = stats;
        this.status = status;
        this.print = print;
    }

    int running() {
        return running.get();
    }

    /** Null while the peer takes work; otherwise why it does not (tasks that still arrive are handed back). */
    String pausedReason() {
        return pausedReason;
    }

    void pause(String reason) {
        pausedReason = reason;
    }

    void resume() {
        pausedReason = null;
    }

    void accept(ExecuteTask task, PeerConnection via) {
        Held h = new Held(task, via, System.nanoTime() + task.deadlineMs() * 1_000_000L, new AtomicBoolean());
        if (held.putIfAbsent(task.taskId(), h) != null) {
            return; // the coordinator never sends a task twice while it is held; a repeat is ignored
        }
        String paused = pausedReason;
        if (paused != null) {
            handBack(h, paused);
            return;
        }
        try {
            workers.execute(() -> run(h));
        } catch (RejectedExecutionException e) {
            if (pausedReason != null) {
                handBack(h, pausedReason);
            } else if (h.answered().compareAndSet(false, true)) {
                held.remove(task.taskId(), h);
                via.trySend(Codec.encode(PeerTaskResult.failed(task.taskId(), ErrorCodes.NOT_AVAILABLE,
                        "peer " + peerId + " is busy", 0)));
            }
        }
    }

    private void run(Held h) {
        if (h.answered().get()) {
            return; // handed back while it waited for a worker
        }
        ExecuteTask task = h.task();
        running.incrementAndGet();
        status.runningChanged();
        try {
            print.accept("⚡ Received task: " + task.taskType() + " (" + task.taskId() + ")\n   Processing...");
            PeerTaskResult result = runner.run(task, h::cancelled);
            if (!h.answered().compareAndSet(false, true)) {
                return; // handed back meanwhile: the coordinator has already given it to another peer
            }
            held.remove(task.taskId(), h);
            boolean ok = PeerTaskResult.COMPLETED.equals(result.status());
            stats.taskFinished(ok, result.processingTimeMs());
            status.taskEnded(task.taskId(), task.taskType(), ok ? "completed" : "failed", result.processingTimeMs());
            print.accept(ok ? String.format("   ✅ Completed %s in %.1fms", task.taskId(), result.processingTimeMs())
                    : "   ❌ " + task.taskId() + " failed: " + result.error());
            h.via().trySend(Codec.encode(result));
        } finally {
            running.decrementAndGet();
            status.runningChanged();
        }
    }

    /** Hands every task not yet answered back to the coordinator; returns how many. */
    int handBackAll(String reason) {
        int n = 0;
        for (Held h : new ArrayList<>(held.values())) {
            if (handBack(h, reason)) {
                n++;
            }
        }
        return n;
    }

    /** The ids of the tasks held now (running or waiting for a worker). */
    List<String> heldIds() {
        return List.copyOf(held.keySet());
    }

    /** A reason as the wire allows it (at most {@value Capacity#MAX_REASON} characters). */
    static String clip(String reason) {
        return reason.length() <= Capacity.MAX_REASON ? reason : reason.substring(0, Capacity.MAX_REASON - 3) + "...";
    }

    private boolean handBack(Held h, String reason) {
        if (!h.answered().compareAndSet(false, true)) {
            return false;
        }
        held.remove(h.task().taskId(), h);
        h.via().trySend(Codec.encode(new ReleaseTask(h.task().taskId(), clip(reason))));
        stats.handedBack();
        status.taskEnded(h.task().taskId(), h.task().taskType(), "handed_back", 0);
        print.accept("   ↩ Handed back " + h.task().taskId() + " (" + reason + ")");
        return true;
    }
}
