package io.p2c2r.coordinator.store;

import java.util.List;

/** A task whose check was under way when the coordinator stopped: its row and its completed runs with their rows' amounts. */
public record PendingCheck(TaskRow task, List<RunRow> runs, List<long[]> amounts) {
}
