package io.p2c2r.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void parseAndPrint_areExact() {
        assertEquals(150_000_000, Money.parseUsd("0.15").nanos());
        assertEquals("0.000001762", Money.ofNanos(1762).toUsdString());
        assertEquals("$0.000002", Money.ofNanos(1762).format(6));
        assertEquals("-0.000000005", Money.ofNanos(-5).toUsdString());
    }

    @Test
    void moreThanNineDecimals_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.parseUsd("0.0000000001"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseUsd("ten"));
    }

    @Test
    void arithmetic_overflow_throws_ratherThanWraps() {
        assertThrows(ArithmeticException.class, () -> Money.ofNanos(Long.MAX_VALUE).plus(Money.ofNanos(1)));
    }
}
