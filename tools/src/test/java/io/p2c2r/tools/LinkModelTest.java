package io.p2c2r.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkModelTest {
    private static final long MS = 1_000_000;

    @Test
    void withoutLoss_aChunkArrivesHalfTheRttLater_andNeverBeforeTheOneAheadOfIt() {
        LinkModel m = LinkModel.of(100, 0, 0);
        assertEquals(50 * MS, m.release(0, 0, 100, () -> 0.0));
        assertEquals(70 * MS, m.release(10 * MS, 70 * MS, 100, () -> 0.0), "in order behind a stalled chunk");
    }

    @Test
    void aLostShortMessage_waitsOneRto_ofAtLeast200ms_orTwoRtts() {
        assertEquals(50 * MS + 200 * MS, LinkModel.of(100, 0.01, 0).release(0, 0, 100, () -> 0.0));
        assertEquals(150 * MS + 600 * MS, LinkModel.of(300, 0.01, 0).release(0, 0, 100, () -> 0.0));
        assertEquals(50 * MS, LinkModel.of(100, 0.01, 0).release(0, 0, 100, () -> 0.5), "not lost this time");
    }

    @Test
    void aChunkOfManySegments_isMoreLikelyToHoldALostOne_andMostSuchLossesAreRepairedInOneRtt() {
        LinkModel m = LinkModel.of(100, 0.01, 0);
        int bytes = 10 * LinkModel.SEGMENT_BYTES; // 1 - 0.99^10 = 0.0956: a draw of 0.09 is a loss, 0.1 is not
        assertEquals(50 * MS, m.release(0, 0, bytes, () -> 0.1));
        double[] draws = {0.09, 0.0}; // lost, in the first segment: nine follow, fast retransmit
        int[] i = {0};
        assertEquals(50 * MS + 100 * MS, m.release(0, 0, bytes, () -> draws[i[0]++]));
        double[] tail = {0.09, 0.95}; // lost, in the last segment: nothing follows, the timer
        int[] j = {0};
        assertEquals(50 * MS + 200 * MS, m.release(0, 0, bytes, () -> tail[j[0]++]));
    }

    @Test
    void aThroughputCap_addsTheTimeToSendTheChunk() {
        assertEquals(50 * MS + 500 * MS, LinkModel.of(100, 0, 64 << 10).release(0, 0, 32 << 10, () -> 0.0));
    }
}
