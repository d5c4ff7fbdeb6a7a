package io.p2c2r.coordinator.core;

import io.p2c2r.coordinator.store.Store;
import io.p2c2r.coordinator.store.StoreOp;
import java.util.concurrent.Executor;

/**
 * Writes that acknowledgements wait for: {@link #then} queues a store op and, once the transaction holding it has
 * committed, runs the follow-up (a reply) on the event loop. A reply sent this way describes something that is on
 * disk, so a crash after it cannot lose what the client was told. Thread-safe (both parts are queues).
 */
final class Durable {
    private final Store store;
    private final Executor loop;

    Durable(Store store, Executor loop) {
        this.store = store;
        this.loop = loop;
    }

    void then(StoreOp op, Runnable afterCommit) {
        store.submit(op, () -> loop.execute(afterCommit));
    }
}
