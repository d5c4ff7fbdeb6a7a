package io.p2c2r.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RatesTest {
    private final Rates rates = Rates.defaults();

    @Test
    void gamerPrice_coversPeerRatePlusFee() {
        // 0.15 / (1 - 0.10) = 0.1666..., rounded up to the nano-dollar.
        assertEquals("0.166666667", rates.gamerPerHour().toUsdString());
    }

    @Test
    void anHourOfCompute_paysThePeerItsRate() {
        Rates.Bill bill = rates.bill(Rates.MICROS_PER_HOUR);
        assertEquals(Money.parseUsd("0.15"), bill.peerEarning());
        assertEquals(Money.parseUsd("0.166666667"), bill.gamerCharge());
    }

    @Test
    void everyBill_balancesExactly_andTheFeeIsAboutTenPercent() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long micros = random.nextLong(0, 10L * Rates.MICROS_PER_HOUR / 10);
            Rates.Bill b = rates.bill(micros);
            assertEquals(b.gamerCharge().nanos(), b.peerEarning().nanos() + b.fee().nanos());
            assertTrue(b.fee().nanos() >= 0);
            // The fee is 10% of the charge, up to the one nano-dollar of rounding.
            assertTrue(Math.abs(b.gamerCharge().nanos() - 10 * b.fee().nanos()) <= 10, "micros " + micros);
        }
    }

    @Test
    void outOfRangeSettings_areRefused_withTheValueNamed() {
        IllegalArgumentException fee = assertThrows(IllegalArgumentException.class, () -> new Rates(Money.parseUsd("0.15"), 10_000));
        assertTrue(fee.getMessage().contains("100%"), fee.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Rates(Money.ZERO, 1000));
        assertThrows(IllegalArgumentException.class, () -> rates.bill(-1));
        assertEquals(1250, Rates.parseFeePercent("12.5"));
        assertThrows(IllegalArgumentException.class, () -> Rates.parseFeePercent("12.555"));
    }
}
