package io.p2c2r.common.money;

import java.math.BigDecimal;

/**
 * An amount of US dollars as an integer count of nano-dollars (1e-9 USD). Immutable and thread-safe;
 * never a {@code double}, so that sums are exact and the books balance to the last nano-dollar.
 */
public record Money(long nanos) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);
    public static final long NANOS_PER_DOLLAR = 1_000_000_000L;

    public static Money ofNanos(long nanos) {
        return new Money(nanos);
    }

    /** Parses a decimal dollar amount such as {@code "0.15"}; more than nine decimals is an error. */
    public static Money parseUsd(String usd) {
        BigDecimal value;
        try {
            value = new BigDecimal(usd.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a dollar amount: '" + usd + "'");
        }
        try {
            return new Money(value.movePointRight(9).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("dollar amount '" + usd + "' has more than 9 decimals or is too large");
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(nanos, other.nanos));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(nanos, other.nanos));
    }

    public boolean isZero() {
        return nanos == 0;
    }

    /** Exact decimal dollars with nine places, e.g. {@code "0.000001762"}; the wire format. */
    public String toUsdString() {
        return BigDecimal.valueOf(nanos, 9).toPlainString();
    }

    /** Dollars rounded half-up to {@code places} decimals for consoles, e.g. {@code "$0.000002"}. */
    public String format(int places) {
        return "$" + BigDecimal.valueOf(nanos, 9).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return "$" + toUsdString();
    }
}
