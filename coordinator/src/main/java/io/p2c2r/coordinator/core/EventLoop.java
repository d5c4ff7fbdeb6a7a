package io.p2c2r.coordinator.core;

import io.p2c2r.coordinator.Console;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The single thread that owns all coordinator state. Any thread may {@link #execute} work onto it; a
 * failing job is logged and never stops the loop or cancels a periodic job.
 */
public final class EventLoop {
    private final ScheduledThreadPoolExecutor executor;
    private final Console console;

    public EventLoop(Console console) {
        this.console = console;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "p2c2r-loop"));
        executor.setRemoveOnCancelPolicy(true);
    }

    public void execute(Runnable job) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(job));
        }
    }

    public void every(long periodMillis, Runnable job) {
        executor.scheduleWithFixedDelay(guarded(job), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs the jobs already queued, then stops; waits up to {@code millis}. */
    public void shutdown(long millis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                console.error("event loop job failed: " + e);
                if (e instanceof Error err && !(err instanceof StackOverflowError)) {
                    throw err;
                }
            }
        };
    }
}
