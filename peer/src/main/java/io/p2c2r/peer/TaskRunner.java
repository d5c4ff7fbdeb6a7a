package io.p2c2r.peer;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.PoolContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.peer.controls.DutyCycle;
import io.p2c2r.peer.controls.ThrottledContext;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs one {@code execute_task} with a built-in executor and turns the outcome into a {@code task_result}:
 * only the nine built-in algorithms, at the version the coordinator asked for, on validated input, with a
 * bounded result. Called on the peer's worker threads; stateless apart from the shared compute pool.
 */
final class TaskRunner {
    /** Results larger than this are refused rather than sent (the coordinator's frame limit is 16 MiB). */
    static final int MAX_RESULT_CHARS = 15 << 20;

    private final ExecutorRegistry registry;
    private final ExecutorService computePool;
    private final int parallelism;
    private final DutyCycle duty;

    TaskRunner(ExecutorRegistry registry, ExecutorService computePool, int parallelism) {
        this(registry, computePool, parallelism, DutyCycle.FULL);
    }

    /** {@code computePool} may be null when {@code parallelism} is 1; {@code duty} paces compute under a CPU cap. */
    TaskRunner(ExecutorRegistry registry, ExecutorService computePool, int parallelism, DutyCycle duty) {
        this.registry = registry;
        this.computePool = computePool;
        this.parallelism = parallelism;
        this.duty = duty;
    }

    PeerTaskResult run(ExecuteTask task, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        TaskExecutor executor = TaskType.fromWire(task.taskType()).flatMap(registry::find).orElse(null);
        if (executor == null) {
            return PeerTaskResult.failed(task.taskId(), ErrorCodes.NOT_AVAILABLE,
                    "task type " + task.taskType() + " is not available on this peer", 0);
        }
        if (!executor.version().equals(task.version())) {
            return PeerTaskResult.failed(task.taskId(), ErrorCodes.NOT_AVAILABLE, "this peer runs " + task.taskType()
                    + " version " + executor.version() + ", not " + task.version(), 0);
        }
        try {
            PoolContext pool = new PoolContext(computePool, parallelism, cancelled);
            ExecutionContext ctx = duty.limits() ? new ThrottledContext(pool, duty) : pool;
            Map<String, Object> result = executor.execute(Codec.params(task.taskData()), ctx);
            RawJson json = Codec.toRaw(result);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (json.text().length() > MAX_RESULT_CHARS) {
                return PeerTaskResult.failed(task.taskId(), ErrorCodes.EXECUTION_FAILED, "the result is "
                        + json.text().length() + " characters; the limit is " + MAX_RESULT_CHARS, ms);
            }
            return PeerTaskResult.completed(task.taskId(), json, ms, pool.metrics());
        } catch (P2c2rException e) {
            return PeerTaskResult.failed(task.taskId(), e.code(), e.getMessage(), elapsed(t0));
        } catch (CancellationException e) {
            return PeerTaskResult.failed(task.taskId(), ErrorCodes.TIMEOUT, "cancelled: its deadline passed", elapsed(t0));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return PeerTaskResult.failed(task.taskId(), ErrorCodes.EXECUTION_FAILED,
                    task.taskType() + " failed: " + e, elapsed(t0));
        }
    }

    private static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
