package io.p2c2r.coordinator.http;

import io.p2c2r.coordinator.core.HubView;
import io.p2c2r.coordinator.core.TaskEnd;
import io.p2c2r.coordinator.core.TaskObserver;
import io.p2c2r.common.task.TaskType;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bridge between the event loop and HTTP threads. The loop calls the observer methods; {@link #publish} takes
 * views the loop made; HTTP threads only read {@link #current()}, an immutable {@link Published} swapped in whole,
 * so they never touch core state. Thread-safe.
 */
public final class LiveView implements TaskObserver {
    /** Recent tasks kept for {@code /api/tasks} and the dashboard. */
    static final int RECENT = 100;

    /** What HTTP threads see: the last view the loop published and the most recent tasks, newest first. */
    public record Published(HubView view, List<TaskEnd> recent) {
    }

    private final Metrics metrics;
    private final ArrayDeque<TaskEnd> recent = new ArrayDeque<>(); // guarded by itself: the loop adds, publish copies
    private final AtomicReference<Published> current = new AtomicReference<>();

    public LiveView() {
        this.metrics = new Metrics(() -> {
            Published p = current.get();
            return p == null ? null : p.view();
        });
    }

    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void taskEnded(TaskEnd end) {
        metrics.taskEnded(end);
        synchronized (recent) {
            recent.addFirst(end);
            if (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
    }

    @Override
    public void runCompleted(TaskType type, String kind, double processingMs) {
        metrics.runCompleted(type, kind, processingMs);
    }

    /** Makes {@code view} (taken on the loop) and the recent tasks what readers see, unless a newer view is there. */
    public void publish(HubView view) {
        List<TaskEnd> copy;
        synchronized (recent) {
            copy = List.copyOf(recent);
        }
        Published next = new Published(view, copy);
        current.updateAndGet(old -> old != null && old.view().takenAtMillis() > view.takenAtMillis() ? old : next);
    }

    /** Any thread: the last published picture, or null before the loop published one. */
    public Published current() {
        return current.get();
    }
}
