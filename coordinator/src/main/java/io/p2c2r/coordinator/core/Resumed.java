package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.PendingCheck;
import io.p2c2r.coordinator.store.RunRow;
import io.p2c2r.coordinator.store.TaskRow;
import io.p2c2r.coordinator.trust.Vote;
import java.util.List;
import java.util.Locale;

/**
 * Rebuilds the checks a previous run of the coordinator left open, from the database: each task with its
 * completed runs and their provisional ledger amounts, so that the check goes on and settles the same rows.
 * Used once, at startup, on the event loop's state before the loop starts.
 */
final class Resumed {
    private Resumed() {}

    static void checks(List<PendingCheck> pending, Accounts accounts, Clock clock, TaskBoard board, Router router,
                       Verifier verifier, CoordinatorConfig config) {
        for (PendingCheck p : pending) {
            TaskRow row = p.task();
            TaskType type = TaskType.fromWire(row.taskType()).orElse(null);
            AccountState gamer = accounts.gamerAccount(row.gamerId());
            if (type == null || gamer == null || p.runs().isEmpty()) {
                continue;
            }
            Task task = new Task(row.taskId(), row.requestId(), GamerState.offline(gamer), type, row.algorithmVersion(),
                    row.cacheKey(), new RawJson(row.data()), Long.MAX_VALUE, clock.nanoTime(),
                    config.defaultTaskTimeout().toNanos(), "wait".equals(row.verifyMode()));
            task.state = Task.State.ANSWERED;
            for (int i = 0; i < p.runs().size(); i++) {
                RunRow r = p.runs().get(i);
                long[] amounts = p.amounts().get(i);
                Run run = new Run(r.runId(), task, Run.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)), false);
                run.state = Run.State.DONE;
                run.peerId = r.peerId();
                run.host = r.host();
                run.sha256 = r.resultSha256();
                run.workUnits = r.workUnits();
                run.processingMs = r.processingMs();
                run.bill = config.rates().bill(amounts[2]);
                run.rowCharge = amounts[0];
                run.rowEarning = amounts[1];
                task.runs.add(run);
                task.votes.add(new Vote(run.id, run.peerId, run.host, run.sha256));
                if (run.kind == Run.Kind.AUDIT) {
                    task.coordinatorFunded = true;
                }
            }
            Run first = task.runs.get(0);
            task.delivered = first;
            task.deliveredSha = first.sha256;
            task.checking = true;
            task.checkStartedNanos = clock.nanoTime();
            board.startCheck(task);
            router.checkOpened(task);
            verifier.vote(task, false);
        }
    }
}
