package io.p2c2r.executors;

import java.math.BigInteger;

/**
 * How a task type's work is priced: the name of the unit its results count in {@code work_units} (rays traced,
 * nodes expanded, cell-steps, ...) and what one unit costs in compute time on the reference machine, in
 * picoseconds, measured once and written down in docs/TASKS.md. Two honest peers report the same units for
 * the same task, so they earn the same whatever their speed. Immutable.
 */
public record WorkModel(String unit, long picosPerUnit, long fixedPicos) {
    public WorkModel {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("work unit name is empty");
        }
        if (picosPerUnit < 0 || fixedPicos < 0) {
            throw new IllegalArgumentException("work model for " + unit + ": picos per unit " + picosPerUnit
                    + " and fixed picos " + fixedPicos + " must not be negative");
        }
    }

    /** Reference-machine compute time for {@code units} units, in whole microseconds (rounded down). */
    public long referenceMicros(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("work_units " + units + " must not be negative");
        }
        BigInteger picos = BigInteger.valueOf(units).multiply(BigInteger.valueOf(picosPerUnit)).add(BigInteger.valueOf(fixedPicos));
        BigInteger micros = picos.divide(BigInteger.valueOf(1_000_000L));
        return micros.bitLength() < 63 ? micros.longValue() : Long.MAX_VALUE;
    }
}
