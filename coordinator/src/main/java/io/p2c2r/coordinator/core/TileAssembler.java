package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.executors.raytrace.TileMerge;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The coordinator's one worker for merging a split render's tiles ({@link TileMerge}: decode each tile's PNG,
 * copy its rows, encode the whole PNG again, hash the result), so that this CPU work never runs on the event
 * loop. One thread, {@code p2c2r-assemble}, started when there is work and gone after 30 s idle; a bounded
 * queue, so at most one render's pixels are decoded at a time and the results waiting are bounded by
 * {@link Splits}' pixel budget. Thread-safe: any thread may {@link #submit}; the callback runs on the worker.
 */
final class TileAssembler {
    /** A render's region, its tiles' rectangles, and their results in the same order. */
    record Job(int[] region, List<int[]> rects, List<RawJson> results) {
    }

    /** The merged result and its canonical digest, or why the tiles could not be merged. */
    record Outcome(RawJson result, String sha256, double millis, String error) {
    }

    private final ThreadPoolExecutor pool;

    TileAssembler(int queued) {
        this.pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, "p2c2r-assemble");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the merge; false when the queue is full or the worker has stopped. */
    boolean submit(Job job, Consumer<Outcome> done) {
        try {
            pool.execute(() -> done.accept(merge(job)));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    static Outcome merge(Job job) {
        long start = System.nanoTime();
        try {
            RawJson result = Codec.toRaw(TileMerge.merge(job.region(), job.rects(), job.results()));
            String sha = Codec.digestResult(result).sha256();
            return new Outcome(result, sha, (System.nanoTime() - start) / 1e6, null);
        } catch (RuntimeException e) {
            // A tile that does not fit (a lying peer's, say) fails its render, with the reason, rather than the worker.
            return new Outcome(null, null, (System.nanoTime() - start) / 1e6, String.valueOf(e.getMessage()));
        }
    }

    /** Stops the worker; a merge under way finishes, queued ones are dropped (their renders are being ended anyway). */
    void close() {
        pool.shutdownNow();
    }
}
