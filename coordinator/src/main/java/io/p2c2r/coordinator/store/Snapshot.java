package io.p2c2r.coordinator.store;

import io.p2c2r.coordinator.trust.TrustRecord;
import java.util.List;

/**
 * What the coordinator loads at startup: identities with totals, counts, fee revenue and audit costs, trust
 * records, tasks a crash left open, and checks to resume.
 */
public record Snapshot(List<Account> peers, List<Account> gamers, long tasksStored, long totalFeesNanos,
                       long auditCostNanos, int interruptedTasks, List<TrustRecord> trust, List<PendingCheck> pendingChecks) {
}
