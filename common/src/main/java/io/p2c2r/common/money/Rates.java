package io.p2c2r.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The market's prices: what a peer earns per compute-hour and the coordinator's fee, from which the
 * gamer's price follows so that every charge splits exactly into peer earning plus fee. Immutable.
 */
public record Rates(Money peerPerHour, int feeBasisPoints) {
    public static final long MICROS_PER_HOUR = 3_600_000_000L;
    /** Seven days of compute at the highest allowed rate still fits a long product. */
    public static final long MAX_BILLED_MICROS = 7L * 24 * MICROS_PER_HOUR;
    public static final Money MAX_PEER_RATE = Money.ofNanos(1_000 * Money.NANOS_PER_DOLLAR);

    public Rates {
        if (peerPerHour.nanos() <= 0 || peerPerHour.compareTo(MAX_PEER_RATE) > 0) {
            throw new IllegalArgumentException("peer rate " + peerPerHour + " per hour is out of range (0, $1000]");
        }
        if (feeBasisPoints < 0 || feeBasisPoints >= 10_000) {
            throw new IllegalArgumentException("fee of " + BigDecimal.valueOf(feeBasisPoints, 2).stripTrailingZeros().toPlainString()
                    + "% is out of range [0%, 100%)");
        }
    }

    /** The seed's peer rate ($0.15 per compute-hour) and a 10% fee. */
    public static Rates defaults() {
        return new Rates(Money.parseUsd("0.15"), 1_000);
    }

    /** Parses a fee given as a percentage such as {@code "10"} or {@code "12.5"} (two decimals at most). */
    public static int parseFeePercent(String percent) {
        try {
            return new BigDecimal(percent.trim()).movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("fee '" + percent + "' is not a percentage with at most two decimals");
        }
    }

    /** The gamer's price per compute-hour: peer rate / (1 - fee), rounded up to the nano-dollar. */
    public Money gamerPerHour() {
        return Money.ofNanos(grossUp(peerPerHour.nanos()));
    }

    public String feePercent() {
        return BigDecimal.valueOf(feeBasisPoints, 2).stripTrailingZeros().toPlainString();
    }

    /**
     * Bills {@code micros} of compute: the peer earns its rate for that time (rounded down to the
     * nano-dollar), the gamer pays that grossed up by the fee (rounded up), the fee is the difference.
     */
    public Bill bill(long micros) {
        if (micros < 0 || micros > MAX_BILLED_MICROS) {
            throw new IllegalArgumentException("billed time " + micros + " us is out of range [0, " + MAX_BILLED_MICROS + "]");
        }
        long peer = BigDecimal.valueOf(peerPerHour.nanos()).multiply(BigDecimal.valueOf(micros))
                .divide(BigDecimal.valueOf(MICROS_PER_HOUR), 0, RoundingMode.DOWN).longValueExact();
        long gamer = grossUp(peer);
        return new Bill(micros, Money.ofNanos(gamer), Money.ofNanos(peer), Money.ofNanos(gamer - peer));
    }

    private long grossUp(long net) {
        long keep = 10_000L - feeBasisPoints;
        return BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(10_000L))
                .divide(BigDecimal.valueOf(keep), 0, RoundingMode.UP).longValueExact();
    }

    /** One task's charge: {@code gamerCharge == peerEarning + fee}, always. */
    public record Bill(long billedMicros, Money gamerCharge, Money peerEarning, Money fee) {
        public Bill {
            if (gamerCharge.nanos() != peerEarning.nanos() + fee.nanos()) {
                throw new IllegalStateException("unbalanced bill: " + gamerCharge + " != " + peerEarning + " + " + fee);
            }
        }
    }
}
