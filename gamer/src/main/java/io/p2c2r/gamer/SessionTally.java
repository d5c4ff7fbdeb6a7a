package io.p2c2r.gamer;

import io.p2c2r.client.TaskReply;
import io.p2c2r.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A gamer session's figures and its summary. The savings compare like with like: the compute time of the tasks
 * that completed, priced at the local GPU's rate, against what P2C2R charged for those same tasks (failed tasks
 * are left out of both; they cost nothing unless the coordinator billed work cut off at its deadline, which the
 * summary shows apart). Thread-safe: the menu thread adds, a shutdown hook may print.
 */
final class SessionTally {
    private final Money localGpuPerHour;
    private final long startNanos = System.nanoTime();
    private int submitted;
    private int completed;
    private int cached;
    private double computeMs;
    private Money spent = Money.ZERO;
    private Money failedSpent = Money.ZERO;
    private boolean printed;

    SessionTally(Money localGpuPerHour) {
        this.localGpuPerHour = localGpuPerHour;
    }

    synchronized void submitted() {
        submitted++;
    }

    synchronized void completed(TaskReply reply) {
        completed++;
        cached += reply.result().cached() ? 1 : 0;
        computeMs += reply.result().processingTimeMs() == null ? 0 : reply.result().processingTimeMs();
        spent = spent.plus(reply.cost());
    }

    /** A task that ended without a result; its cost is zero unless cut-off work was billed. */
    synchronized void failed(TaskReply reply) {
        failedSpent = failedSpent.plus(reply.cost());
    }

    /** The summary the first time; null afterwards, so Ctrl-C after a normal end prints nothing twice. */
    synchronized String summaryOnce() {
        if (printed) {
            return null;
        }
        printed = true;
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        StringBuilder b = new StringBuilder(String.format("%n Session Summary:%n   Session time: %.1f minutes%n"
                        + "   Tasks completed: %d of %d%s%n   Total spent: %s%n", minutes, completed, submitted,
                submitted > completed ? " (" + (submitted - completed) + " failed, " + (failedSpent.isZero() ? "at no cost"
                        : failedSpent.format(9) + " of it for work cut off at its deadline") + ")" : "",
                spent.plus(failedSpent).format(9)));
        if (completed == 0) {
            return b.append(String.format("%n Savings vs local GPU (%s/hour): nothing to compare, no task completed%n",
                    localGpuPerHour.format(2))).toString();
        }
        Money local = Money.ofNanos(BigDecimal.valueOf(localGpuPerHour.nanos()).multiply(BigDecimal.valueOf(computeMs))
                .divide(BigDecimal.valueOf(3_600_000), 0, RoundingMode.HALF_UP).longValueExact());
        Money saved = local.minus(spent);
        String percent = local.isZero() ? "n/a" : BigDecimal.valueOf(saved.nanos() * 100.0 / local.nanos())
                .setScale(1, RoundingMode.HALF_UP).toPlainString() + "% " + (saved.nanos() >= 0 ? "cheaper" : "dearer");
        b.append(String.format("   Avg cost per completed task: %s%n%n Savings vs local GPU (%s/hour), for the %d completed task(s):%n"
                        + "   Their %s of compute%s on a local GPU: %s%n   P2C2R cost: %s%n   You saved: %s (%s)%n",
                Money.ofNanos(spent.nanos() / completed).format(9), localGpuPerHour.format(2), completed,
                computeMs < 1000 ? String.format("%.1f ms", computeMs) : String.format("%.1f s", computeMs / 1000),
                cached > 0 ? " (" + cached + " served free from cache)" : "", local.format(9), spent.format(9),
                saved.format(9), percent));
        return b.toString();
    }
}
