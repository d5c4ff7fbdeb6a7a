package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Rates;

/**
 * Prices one run. Until every executor reports calibrated work, a run is billed for the smaller of the time
 * the peer reported and the time the coordinator observed between dispatch and result. Immutable.
 */
final class Pricing {
    private final Rates rates;

    Pricing(Rates rates) {
        this.rates = rates;
    }

    Rates rates() {
        return rates;
    }

    Rates.Bill bill(Task task, Long workUnits, long reportedMicros, long observedMicros) {
        return rates.bill(Math.min(Math.min(reportedMicros, observedMicros), Rates.MAX_BILLED_MICROS));
    }
}
