package io.p2c2r.executors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * An {@link ExecutionContext} over a pool that the caller owns (and shuts down). The calling thread works
 * too, so a loop finishes even when the pool is busy. Thread-safe.
 */
public final class PoolContext implements ExecutionContext {
    static final PoolContext SEQUENTIAL = new PoolContext(null, 1, () -> false);

    private final ExecutorService pool;
    private final int parallelism;
    private final BooleanSupplier cancelled;
    private final Map<String, Double> metrics = new ConcurrentSkipListMap<>();

    public PoolContext(ExecutorService pool, int parallelism, BooleanSupplier cancelled) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
        }
        if (parallelism > 1 && pool == null) {
            throw new IllegalArgumentException("parallelism " + parallelism + " needs a pool");
        }
        this.pool = pool;
        this.parallelism = parallelism;
        this.cancelled = cancelled;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void metric(String name, double value) {
        if (this != SEQUENTIAL) {
            metrics.put(name, value);
        }
    }

    /** The figures recorded with {@link #metric}, by name. */
    public Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }

    @Override
    public void parallelFor(int count, IntConsumer body) {
        int helpers = Math.min(parallelism, count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
            next.set(count);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(count);
                failure = failure != null ? failure : new java.util.concurrent.CancellationException("interrupted");
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
