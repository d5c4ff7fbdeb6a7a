package io.p2c2r.coordinator.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Every open task, the queue of those waiting for a peer, and open counts per gamer. Event loop only. */
final class TaskBoard {
    private final Map<String, Task> open = new LinkedHashMap<>();
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final Map<String, Integer> openByGamer = new HashMap<>();
    private final Clock clock;
    private long seq;

    TaskBoard(Clock clock) {
        this.clock = clock;
    }

    /** Registers a new task as open (state LOOKUP) and counts it against its gamer. */
    void open(Task task) {
        open.put(task.id, task);
        task.gamer.open.put(task.requestId, task);
        openByGamer.merge(task.gamer.account.id, 1, Integer::sum);
    }

    /** Marks the task done and forgets it everywhere. */
    void close(Task task) {
        if (task.state == Task.State.QUEUED) {
            queue.remove(task);
        }
        task.state = Task.State.DONE;
        open.remove(task.id);
        task.gamer.open.remove(task.requestId, task);
        openByGamer.computeIfPresent(task.gamer.account.id, (k, v) -> v > 1 ? v - 1 : null);
    }

    void queueLast(Task task) {
        task.state = Task.State.QUEUED;
        queue.addLast(task);
    }

    /** A task that lost its peer goes to the front: it has waited longest. */
    void queueFirst(Task task) {
        task.state = Task.State.QUEUED;
        queue.addFirst(task);
    }

    /** The queue in order; removing through the iterator takes a task off the queue. */
    Iterator<Task> queued() {
        return queue.iterator();
    }

    int openFor(String gamerId) {
        return openByGamer.getOrDefault(gamerId, 0);
    }

    int openCount() {
        return open.size();
    }

    int queuedCount() {
        return queue.size();
    }

    int runningCount() {
        return (int) open.values().stream().filter(t -> t.state == Task.State.RUNNING).count();
    }

    /** A copy of the open tasks, safe to iterate while tasks are closed. */
    List<Task> snapshot() {
        return new ArrayList<>(open.values());
    }

    /** A new task id: time-ordered, unique within this run, and unlikely to repeat across runs. */
    String newId() {
        return "task_" + Long.toString(clock.millis(), 36) + "_" + Long.toString(++seq, 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }
}
