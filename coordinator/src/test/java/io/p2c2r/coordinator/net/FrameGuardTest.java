package io.p2c2r.coordinator.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import io.p2c2r.tools.RawWebSocket;
import org.java_websocket.exceptions.LimitExceededException;
import org.junit.jupiter.api.Test;

/** The guard reads frame headers from byte streams as a client would send them (RFC 6455 section 5.2). */
class FrameGuardTest {
    private final PartialFrameBudget budget = new PartialFrameBudget(1000);
    private long now = 1_000;
    private final FrameGuard guard = new FrameGuard(budget, 500, () -> now);

    /** A masked client frame header: FIN bit, opcode, declared length, zero mask key. */
    private static byte[] header(boolean fin, int opcode, long length) {
        return RawWebSocket.header((fin ? 0x80 : 0) | opcode, length);
    }

    private static byte[] frame(boolean fin, int opcode, int length) {
        byte[] h = header(fin, opcode, length);
        byte[] f = new byte[h.length + length];
        System.arraycopy(h, 0, f, 0, h.length);
        return f;
    }

    private void feed(byte[]... chunks) throws LimitExceededException {
        for (byte[] c : chunks) {
            ByteBuffer b = ByteBuffer.wrap(c);
            guard.inspect(b);
            assertEquals(0, b.position(), "the guard must not consume the buffer");
        }
    }

    @Test
    void wholeFramesWithinTheLimit_passAndHoldNothing() throws Exception {
        feed(frame(true, 1, 100), frame(true, 1, 500), frame(true, 9, 10));
        assertEquals(0, budget.used());
        assertEquals(Long.MAX_VALUE, guard.partialDeadlineNanos());
    }

    @Test
    void aHeaderDeclaringMoreThanTheLimit_isRefusedOnTheHeaderAlone() {
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> feed(header(true, 1, 15L << 20)));
        assertTrue(e.getMessage().contains("limit is 500"), e.getMessage());
        assertEquals(0, budget.used());
    }

    @Test
    void aHeaderSplitAcrossReads_isStillRead() {
        byte[] h = header(true, 1, 70_000); // 64-bit length form
        assertDoesNotThrow(() -> feed(java.util.Arrays.copyOfRange(h, 0, 1), java.util.Arrays.copyOfRange(h, 1, 5)));
        assertThrows(LimitExceededException.class, () -> feed(java.util.Arrays.copyOfRange(h, 5, h.length)));
    }

    @Test
    void fragmentsCountTogether_againstTheLimit() throws Exception {
        feed(frame(false, 1, 200), frame(false, 0, 200));
        assertThrows(LimitExceededException.class, () -> feed(header(true, 0, 200)));
    }

    @Test
    void aPartialFrame_reservesItsDeclaredSize_untilItsLastByteArrives() throws Exception {
        feed(header(true, 1, 400), new byte[100]);
        assertEquals(400, budget.used());
        assertEquals(1_000 + FrameGuard.GRACE_NANOS + 400 * 1_000_000_000L / FrameGuard.MIN_RATE, guard.partialDeadlineNanos());
        feed(new byte[300]);
        assertEquals(0, budget.used());
        assertEquals(Long.MAX_VALUE, guard.partialDeadlineNanos());
    }

    @Test
    void controlFramesBetweenFragments_leaveTheMessageCountAlone() throws Exception {
        feed(frame(false, 1, 300), frame(true, 9, 5));
        assertEquals(300, budget.used());
        feed(frame(true, 0, 100));
        assertEquals(0, budget.used());
    }

    @Test
    void whenTheBudgetIsFull_anotherPartialFrameIsRefused_andCompleteOnesStillPass() throws Exception {
        FrameGuard other = new FrameGuard(budget, 500, () -> now);
        other.inspect(ByteBuffer.wrap(header(true, 1, 500)));
        other.inspect(ByteBuffer.wrap(header(false, 1, 0)));
        feed(header(true, 1, 450));
        assertEquals(950, budget.used());
        FrameGuard third = new FrameGuard(budget, 500, () -> now);
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> third.inspect(ByteBuffer.wrap(header(true, 1, 100))));
        assertTrue(e.getMessage().contains("try again later"), e.getMessage());
        assertDoesNotThrow(() -> third.inspect(ByteBuffer.wrap(frame(true, 1, 100))));
        other.release();
        assertEquals(450, budget.used());
        assertDoesNotThrow(() -> third.inspect(ByteBuffer.wrap(header(true, 1, 100))));
    }

    @Test
    void releasingAClosedConnection_givesBackItsReservation_andRefusesLaterFrames() throws Exception {
        feed(header(true, 1, 400));
        guard.release();
        guard.release();
        assertEquals(0, budget.used());
        assertThrows(LimitExceededException.class, () -> feed(frame(true, 1, 1)));
    }

    @Test
    void aRaisedLimit_appliesToLaterFrames() throws Exception {
        assertThrows(LimitExceededException.class, () -> new FrameGuard(budget, 500, () -> now)
                .inspect(ByteBuffer.wrap(header(true, 1, 800))));
        guard.allow(900);
        feed(header(true, 1, 800));
        assertEquals(800, budget.used());
    }
}
