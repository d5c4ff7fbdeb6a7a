package io.p2c2r.coordinator.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.money.Rates;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SettlementTest {
    private static final Rates RATES = Rates.defaults();
    private final Rates.Bill bill = RATES.bill(1_234_567); // E = 51440, C = 57156 at $0.15/h and 10%

    private static Settlement.Entry right(String id) {
        return new Settlement.Entry(id, "peer_" + id, true);
    }

    private static Settlement.Entry wrong(String id) {
        return new Settlement.Entry(id, "peer_" + id, false);
    }

    private static long sum(List<Settlement.Share> s, java.util.function.ToLongFunction<Settlement.Share> f) {
        return s.stream().mapToLong(f).sum();
    }

    @Test
    void trustedUnchecked_paysTheOneRunItsFullPrice() {
        List<Settlement.Share> s = Settlement.settle(bill, 1, 0, List.of(right("a")));
        assertEquals(bill.gamerCharge().nanos(), s.get(0).chargeNanos());
        assertEquals(bill.peerEarning().nanos(), s.get(0).earningNanos());
        assertEquals(bill.fee().nanos(), s.get(0).feeNanos());
    }

    @Test
    void replicaOfAnUntrustedResult_sharesTheSingleEarning_gamerPaysOnce() {
        List<Settlement.Share> s = Settlement.settle(bill, 1, 0, List.of(right("a"), right("b")));
        assertEquals(bill.gamerCharge().nanos(), sum(s, Settlement.Share::chargeNanos));
        assertEquals(bill.peerEarning().nanos(), sum(s, Settlement.Share::earningNanos));
        assertEquals(bill.fee().nanos(), sum(s, Settlement.Share::feeNanos));
        assertTrue(Math.abs(s.get(0).earningNanos() - s.get(1).earningNanos()) <= 1);
        s.forEach(x -> assertTrue(x.feeNanos() >= 0, "both rows are gamer-funded: " + x));
    }

    @Test
    void auditOfATrustedPeer_isPaidFromTheFee_asAZeroChargeNegativeFeeRow() {
        List<Settlement.Share> s = Settlement.settle(bill, 1, 1, List.of(right("a"), right("auditor")));
        assertEquals(bill.gamerCharge().nanos(), s.get(0).chargeNanos());
        assertEquals(bill.peerEarning().nanos(), s.get(0).earningNanos());
        assertEquals(0, s.get(1).chargeNanos());
        assertEquals(bill.peerEarning().nanos(), s.get(1).earningNanos());
        assertEquals(-bill.peerEarning().nanos(), s.get(1).feeNanos());
        assertEquals(bill.fee().nanos() - bill.peerEarning().nanos(), sum(s, Settlement.Share::feeNanos));
    }

    @Test
    void outvotedRun_earnsNothing_andTheAgreeingOnesShare() {
        List<Settlement.Share> s = Settlement.settle(bill, 1, 0, List.of(wrong("liar"), right("b"), right("c")));
        assertEquals(0, s.get(0).earningNanos());
        assertEquals(0, s.get(0).chargeNanos());
        assertEquals(bill.peerEarning().nanos(), s.get(1).earningNanos() + s.get(2).earningNanos());
        assertEquals(bill.gamerCharge().nanos(), sum(s, Settlement.Share::chargeNanos));
    }

    @Test
    void waitMode_gamerPaysForBothAgreeingRuns() {
        List<Settlement.Share> s = Settlement.settle(bill, 2, 0, List.of(right("a"), right("b")));
        assertEquals(2 * bill.gamerCharge().nanos(), sum(s, Settlement.Share::chargeNanos));
        assertEquals(bill.peerEarning().nanos(), s.get(0).earningNanos());
        assertEquals(bill.peerEarning().nanos(), s.get(1).earningNanos());
    }

    @Test
    void dispute_refundsTheGamer_andPaysNobody() {
        List<Settlement.Share> s = Settlement.settle(bill, 0, 0, List.of(wrong("a"), wrong("b"), wrong("c")));
        assertEquals(0, sum(s, Settlement.Share::chargeNanos));
        assertEquals(0, sum(s, Settlement.Share::earningNanos));
    }

    @Test
    void theGamerNeverPaysForMoreRunsThanAgreed_andNoRunEarnsMoreThanItsPrice() {
        List<Settlement.Share> s = Settlement.settle(bill, 2, 1, List.of(right("a")));
        assertEquals(bill.gamerCharge().nanos(), s.get(0).chargeNanos());
        assertEquals(bill.peerEarning().nanos(), s.get(0).earningNanos());
    }

    @Test
    void everyRowBalances_forRandomBillsAndOutcomes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Rates rates = new Rates(io.p2c2r.common.money.Money.ofNanos(1 + random.nextInt(2_000_000_000)), random.nextInt(5_000));
            Rates.Bill b = rates.bill(random.nextInt(100_000_000));
            int runs = 1 + random.nextInt(4);
            List<Settlement.Entry> entries = new java.util.ArrayList<>();
            int canonical = 0;
            for (int r = 0; r < runs; r++) {
                boolean ok = random.nextBoolean();
                canonical += ok ? 1 : 0;
                entries.add(new Settlement.Entry("r" + r, "p" + r, ok));
            }
            int gamerRuns = random.nextInt(3);
            int coordinatorRuns = random.nextInt(2);
            List<Settlement.Share> s = Settlement.settle(b, gamerRuns, coordinatorRuns, entries);
            long paidRuns = Math.min(gamerRuns + coordinatorRuns, canonical);
            assertEquals(Math.min(gamerRuns, canonical) * b.gamerCharge().nanos(), sum(s, Settlement.Share::chargeNanos));
            assertEquals(paidRuns * b.peerEarning().nanos(), sum(s, Settlement.Share::earningNanos));
            for (Settlement.Share x : s) {
                assertTrue(x.earningNanos() <= b.peerEarning().nanos() + 1, x.toString());
                assertTrue(x.chargeNanos() >= 0 && x.earningNanos() >= 0, x.toString());
            }
        }
    }

    @Test
    void negativeFundedRuns_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> Settlement.settle(bill, -1, 0, List.of(right("a"))));
    }
}
