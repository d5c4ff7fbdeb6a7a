package io.p2c2r.executors;

import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

/**
 * What an executor may use besides its input: a parallel loop and a cancellation flag. Results must not
 * depend on {@link #parallelism()}: a parallel body writes only to the slots of its own index.
 */
public interface ExecutionContext {
    /** How many threads {@link #parallelFor} may use (at least 1). */
    int parallelism();

    /** Runs {@code body} for every index in {@code [0, count)}, possibly in parallel; returns when all ran. */
    void parallelFor(int count, IntConsumer body);

    boolean isCancelled();

    /**
     * Records a wall-clock or other machine-dependent figure (such as {@code render_ms}) beside the result, never
     * inside it; peers send these as {@code metrics}. Ignored by contexts that do not collect them.
     */
    default void metric(String name, double value) {
    }

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("task cancelled");
        }
    }

    /** Runs everything on the calling thread and is never cancelled; for tests and tools. */
    static ExecutionContext sequential() {
        return PoolContext.SEQUENTIAL;
    }
}
