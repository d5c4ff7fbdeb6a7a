package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.TaskReply;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.GamerTaskResult;
import org.junit.jupiter.api.Test;

class SessionTallyTest {
    private static TaskReply completed(double ms, long costNanos, boolean cached) {
        return new TaskReply(new GamerTaskResult("r1", "task_1", "completed", Codec.raw("{}"), null, null, cached, ms,
                Money.ofNanos(costNanos).toUsdString(), costNanos, "peer_1", cached ? 0 : 1, "trusted", null, null), ms + 5);
    }

    @Test
    void aSessionWhereEveryTaskFailed_claimsNoSavings() {
        SessionTally t = new SessionTally(Money.parseUsd("2.00"));
        t.submitted();
        t.submitted();
        t.submitted();
        String s = t.summaryOnce();
        assertTrue(s.contains("Tasks completed: 0 of 3 (3 failed, at no cost)"), s);
        assertTrue(s.contains("nothing to compare, no task completed"), s);
        assertFalse(s.contains("cheaper"), s);
    }

    @Test
    void savings_priceTheCompletedTasksComputeTime_atTheLocalRate() {
        SessionTally t = new SessionTally(Money.parseUsd("2.00"));
        t.submitted();
        t.completed(completed(1800, 83_334, false));
        t.submitted();
        t.completed(completed(1800, 0, true));
        t.submitted(); // failed: left out of both sides
        String s = t.summaryOnce();
        // 3.6 s at $2.00/h is $0.002; P2C2R charged $0.000083334 for the one that was computed.
        assertTrue(s.contains("Their 3.6 s of compute (1 served free from cache) on a local GPU: $0.002000000"), s);
        assertTrue(s.contains("You saved: $0.001916666 (95.8% cheaper)"), s);
        assertNull(t.summaryOnce(), "printed once, even if Ctrl-C comes after the normal end");
    }

    @Test
    void billedCutOffs_countInTheTotal_butNotInTheSavings() {
        SessionTally t = new SessionTally(Money.parseUsd("2.00"));
        t.submitted();
        t.completed(completed(1800, 83_334, false));
        t.submitted();
        t.failed(new TaskReply(new GamerTaskResult("r2", "task_2", "error", null, "too big; billed $0.000002778", "peer_failed",
                false, null, "0.000002778", 2_778, null, 2, null, null, null), 60_000));
        String s = t.summaryOnce();
        assertTrue(s.contains("Tasks completed: 1 of 2 (1 failed, $0.000002778 of it for work cut off at its deadline)"), s);
        assertTrue(s.contains("Total spent: $0.000086112"), s);
        assertTrue(s.contains("You saved: $0.000916666"), s);
    }
}
