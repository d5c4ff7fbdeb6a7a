package io.p2c2r.coordinator.store;

import io.p2c2r.common.P2c2rException;

/** A database problem: the file cannot be opened, the schema is newer than this build, a write failed. */
public class StoreException extends P2c2rException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super("store", message, cause);
    }
}
