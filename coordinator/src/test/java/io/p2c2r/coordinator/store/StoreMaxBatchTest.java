package io.p2c2r.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The group-commit size read from {@code -Dp2c2r.store.maxBatch}: 1 to 4096, and a bad value is named. */
class StoreMaxBatchTest {
    @Test
    void maxBatch_acceptsTheRange() {
        assertEquals(1, Store.maxBatch("1"));
        assertEquals(256, Store.maxBatch(" 256 "));
        assertEquals(4096, Store.maxBatch("4096"));
    }

    @Test
    void maxBatch_outOfRangeOrNotANumber_isRefused_namingTheProperty() {
        for (String bad : new String[] {"0", "4097", "-3", "many"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Store.maxBatch(bad));
            assertEquals("p2c2r.store.maxBatch '" + bad + "' is out of range [1, 4096]", e.getMessage());
        }
    }
}
