package io.p2c2r.coordinator.store;

import java.util.List;

/** What the coordinator loads at startup: identities with totals, counts, and tasks a crash left open. */
public record Snapshot(List<Account> peers, List<Account> gamers, long tasksStored, long totalFeesNanos,
                       int interruptedTasks) {
}
