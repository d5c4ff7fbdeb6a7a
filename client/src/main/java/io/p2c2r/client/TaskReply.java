package io.p2c2r.client;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.GamerTaskResult;

/** The coordinator's answer to one submission, with the round trip the client measured. Immutable. */
public record TaskReply(GamerTaskResult result, double latencyMs) {
    public boolean ok() {
        return result.ok();
    }

    public Money cost() {
        return Money.ofNanos(result.costNanos());
    }
}
