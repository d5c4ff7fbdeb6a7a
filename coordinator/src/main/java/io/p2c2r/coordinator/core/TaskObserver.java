package io.p2c2r.coordinator.core;

import io.p2c2r.common.task.TaskType;

/**
 * Hears what the {@link Hub} decides about tasks, for views such as metrics and the dashboard. Called on the event
 * loop thread only, so an implementation must be quick and must not block; it sees copies, never core state.
 */
public interface TaskObserver {
    /** Hears nothing. */
    TaskObserver NONE = new TaskObserver() {
    };

    /** A gamer's task got its answer; {@code end.outcome()} is the status its row in the {@code tasks} table gets. */
    default void taskEnded(TaskEnd end) {
    }

    /** A peer returned an accepted result for one run of a task ({@code kind}: primary, replica, audit, ...). */
    default void runCompleted(TaskType type, String kind, double processingMs) {
    }
}
