package io.p2c2r.client;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.GamerTaskResult;

/**
 * The coordinator's answer to one submission: its {@code task_result} message ({@link #result()}: status, result
 * JSON or error code and message, cost, peer, attempts, whether it came from the cache) and the round trip this
 * client measured from submit to answer, in milliseconds. Immutable; any thread.
 *
 * @param result    the coordinator's {@code task_result}
 * @param latencyMs the round trip from submit to answer, as this client measured it
 */
public record TaskReply(GamerTaskResult result, double latencyMs) {
    /**
     * True if the task completed; otherwise {@code result().code()} and {@code result().error()} say why not.
     *
     * @return whether the task completed
     */
    public boolean ok() {
        return result.ok();
    }

    /**
     * What the task cost this gamer (zero for errors and cache hits), exact to the nano-dollar.
     *
     * @return the cost
     */
    public Money cost() {
        return Money.ofNanos(result.costNanos());
    }
}
