package io.p2c2r.executors;

import io.p2c2r.common.task.InvalidTaskException;
import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import java.util.List;
import java.util.Map;

/**
 * One built-in algorithm. Implementations are pure and deterministic: the same data and {@link #version()}
 * give the same result on any machine and any thread count. Stateless and safe from any thread.
 */
public interface TaskExecutor {
    TaskType type();

    /** The algorithm version; part of the cache key. Bump it whenever the output for some input changes. */
    String version();

    /**
     * Checks the data against this task's fields and limits without doing the work; cheap enough for the
     * coordinator to call on every submission. Throws {@link InvalidTaskException} naming field, value, limit.
     */
    void validate(Params data);

    /**
     * Validates, then computes. The result is a JSON-ready tree: maps, lists, strings, booleans, finite
     * numbers and primitive arrays, and a pure function of data and version: it holds no wall-clock figure
     * (those go to {@link ExecutionContext#metric}). Its top-level {@value #WORK_UNITS} field is a
     * non-negative integer, the deterministic count of {@link #workModel()} units this computation did.
     * Long loops call {@link ExecutionContext#checkCancelled()}.
     */
    Map<String, Object> execute(Params data, ExecutionContext ctx);

    /** The result field that counts the work done, in {@link #workModel()} units. */
    String WORK_UNITS = "work_units";

    /**
     * The most {@value #WORK_UNITS} any result for this (valid) data can report, from the input alone, as cheap
     * as {@link #validate}; the coordinator bills at most this, whatever a peer claims.
     */
    long maxWorkUnits(Params data);

    /** The unit {@value #WORK_UNITS} counts and its calibrated price in reference-machine time. */
    WorkModel workModel();

    /** Standard inputs for {@code peer.jar bench}: the seed example first, then larger ones. */
    default List<BenchCase> benchCases() {
        return List.of(new BenchCase("seed", type().seedData()));
    }
}
