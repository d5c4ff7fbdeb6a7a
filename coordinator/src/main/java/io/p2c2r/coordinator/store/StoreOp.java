package io.p2c2r.coordinator.store;

import java.sql.SQLException;

/** One unit of database work, run on the store thread inside a batch transaction. */
@FunctionalInterface
public interface StoreOp {
    void apply(Tables tables) throws SQLException;
}
