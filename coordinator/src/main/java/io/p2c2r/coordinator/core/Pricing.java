package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Rates;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;

/**
 * Prices one run by its work, never by a peer's clock: the result's {@code work_units} (part of what is hashed and
 * compared, capped by the most the task's input allows) converted to reference-machine compute time by the type's
 * calibrated {@link WorkModel}, then billed at the peer rate. Two honest peers earn the same for the same task,
 * whatever their speed. Immutable.
 */
final class Pricing {
    private final Rates rates;
    private final ExecutorRegistry registry;

    Pricing(Rates rates, ExecutorRegistry registry) {
        this.rates = rates;
        this.registry = registry;
    }

    Rates rates() {
        return rates;
    }

    /** Why a result's work cannot be priced (missing, or more than its input allows), or null if it can. */
    String refusal(Task task, Long workUnits) {
        if (workUnits == null) {
            return "the result has no work_units (a non-negative integer every " + task.type.wireName() + " result carries)";
        }
        if (workUnits > task.maxWorkUnits) {
            return "the result claims " + workUnits + " work_units; this task's input allows at most " + task.maxWorkUnits;
        }
        return null;
    }

    Rates.Bill bill(Task task, long workUnits) {
        return rates.bill(referenceMicros(task, workUnits));
    }

    /**
     * An attempt cut off at its deadline: the execution time the coordinator gave it (its own clock, not the
     * peer's), but never more than the most work the task's input allows would cost as a result.
     */
    Rates.Bill cutOffBill(Task task, long limitNanos) {
        return rates.bill(Math.min(limitNanos / 1_000, referenceMicros(task, task.maxWorkUnits)));
    }

    private long referenceMicros(Task task, long workUnits) {
        TaskExecutor executor = registry.find(task.type).orElseThrow();
        return Math.min(executor.workModel().referenceMicros(workUnits), Rates.MAX_BILLED_MICROS);
    }
}
