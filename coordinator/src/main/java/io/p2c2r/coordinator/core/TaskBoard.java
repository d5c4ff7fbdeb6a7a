package io.p2c2r.coordinator.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every task a gamer waits on, the runs waiting for a peer (urgent ones, which a gamer waits on, before
 * background checks), every task whose check is open, and open counts per gamer. Event loop only.
 */
final class TaskBoard {
    private final Map<String, Task> open = new LinkedHashMap<>();
    private final Map<String, Task> checking = new LinkedHashMap<>();
    private final ArrayDeque<Run> urgent = new ArrayDeque<>();
    private final ArrayDeque<Run> background = new ArrayDeque<>();
    private final Map<String, Integer> openByGamer = new HashMap<>();
    private final Map<String, Task> byRequest = new HashMap<>();
    private final Clock clock;
    private long seq;

    TaskBoard(Clock clock) {
        this.clock = clock;
    }

    /** Registers a new gamer task as open (state LOOKUP) and counts it against its gamer. */
    void open(Task task) {
        open.put(task.id, task);
        task.gamer.open.put(task.requestId, task);
        openByGamer.merge(task.gamer.account.id, 1, Integer::sum);
        byRequest.put(requestKey(task.gamer.account.id, task.requestId), task);
    }

    /** The open task a gamer id submitted under {@code requestId}, on any of its connections; null if none. */
    Task openByRequest(String gamerId, String requestId) {
        return byRequest.get(requestKey(gamerId, requestId));
    }

    private static String requestKey(String gamerId, String requestId) {
        return gamerId + '\n' + requestId;
    }

    /** The gamer has its answer (or its error): the task no longer counts as open. Its check may go on. */
    void answered(Task task) {
        task.state = Task.State.ANSWERED;
        if (task.gamer == null || open.remove(task.id) == null) {
            return;
        }
        task.gamer.open.remove(task.requestId, task);
        byRequest.remove(requestKey(task.gamer.account.id, task.requestId), task);
        openByGamer.computeIfPresent(task.gamer.account.id, (k, v) -> v > 1 ? v - 1 : null);
    }

    void startCheck(Task task) {
        checking.put(task.id, task);
    }

    void endCheck(Task task) {
        checking.remove(task.id);
    }

    int checkCount() {
        return checking.size();
    }

    /** A copy of the tasks under check, safe to iterate while checks end. */
    List<Task> checks() {
        return new ArrayList<>(checking.values());
    }

    /** Queues a run; one that lost its peer goes to the front of its queue, since it has waited longest. */
    void enqueue(Run run, boolean front) {
        run.state = Run.State.QUEUED;
        ArrayDeque<Run> q = run.urgent ? urgent : background;
        if (front) {
            q.addFirst(run);
        } else {
            q.addLast(run);
        }
    }

    /** Takes a queued run off its queue (its task ended). */
    void dequeue(Run run) {
        if (run.state == Run.State.QUEUED) {
            urgent.remove(run);
            background.remove(run);
        }
    }

    /** A background run whose gamer now waits on it moves to the urgent queue, and the reverse. */
    void requeue(Run run, boolean urgentNow) {
        if (run.urgent == urgentNow) {
            return;
        }
        boolean queued = run.state == Run.State.QUEUED && (urgent.remove(run) || background.remove(run));
        run.urgent = urgentNow;
        if (queued) {
            enqueue(run, false);
        }
    }

    /** Queued runs, urgent ones first; removing through the iterator takes a run off its queue. */
    Iterator<Run> queued() {
        Iterator<Run> first = urgent.iterator();
        Iterator<Run> second = background.iterator();
        return new Iterator<>() {
            private Iterator<Run> last;

            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public Run next() {
                last = first.hasNext() ? first : second;
                return last.next();
            }

            @Override
            public void remove() {
                last.remove();
            }
        };
    }

    int openFor(String gamerId) {
        return openByGamer.getOrDefault(gamerId, 0);
    }

    int openCount() {
        return open.size();
    }

    int queuedCount() {
        return urgent.size() + background.size();
    }

    /** A copy of the open (unanswered) tasks, safe to iterate while tasks are answered. */
    List<Task> snapshot() {
        return new ArrayList<>(open.values());
    }

    /** A new id, for a task or a run: time-ordered, unique within this run, and unlikely to repeat across runs. */
    String newId() {
        return "task_" + Long.toString(clock.millis(), 36) + "_" + Long.toString(++seq, 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }
}
