package io.p2c2r.coordinator.core;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.SubmitTask;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A {@code submit_task} checked before it reaches the event loop: known type, data within size and the
 * executor's limits, and its cache key. Pure; built on socket threads so the loop never parses task data.
 */
public record Submission(SubmitTask message, TaskType type, String version, String cacheKey, long maxWorkUnits,
                         SplitPlan split, String errorCode, String error) {

    public boolean ok() {
        return errorCode == null;
    }

    public static Submission check(SubmitTask message, ExecutorRegistry registry, int maxDataBytes) {
        return check(message, registry, maxDataBytes, SplitRules.defaults());
    }

    /** Checks {@code message}; a render is cut into tiles when the gamer asks or {@code split} rules say so. */
    public static Submission check(SubmitTask message, ExecutorRegistry registry, int maxDataBytes, SplitRules split) {
        String wire = message.task().type();
        TaskType type = TaskType.fromWire(wire).orElse(null);
        if (type == null) {
            return refuse(message, ErrorCodes.UNKNOWN_TASK_TYPE, "unknown task type '" + wire + "'; known types: "
                    + Arrays.stream(TaskType.values()).map(TaskType::wireName).toList());
        }
        TaskExecutor executor = registry.find(type).orElse(null);
        if (executor == null) {
            return refuse(message, ErrorCodes.NOT_AVAILABLE, "task type " + wire
                    + " is not available on this network: its algorithm is not in this release");
        }
        String data = message.task().data().text();
        if (data.length() > maxDataBytes) {
            return refuse(message, ErrorCodes.INVALID_TASK, "task.data is " + data.length()
                    + " bytes; the limit is " + maxDataBytes);
        }
        try {
            Codec.ParsedData parsed = Codec.parseData(message.task().data());
            executor.validate(parsed.params());
            long maxUnits = executor.maxWorkUnits(parsed.params());
            return new Submission(message, type, executor.version(), cacheKey(type, executor.version(), parsed.canonical()),
                    maxUnits, SplitPlan.of(message, type, executor, parsed, maxUnits, split), null, null);
        } catch (P2c2rException e) {
            return refuse(message, ErrorCodes.INVALID_TASK, e.getMessage());
        } catch (RuntimeException e) {
            // A check that failed other than by refusing the data is a bug here, not the client's; it hears only that.
            return refuse(message, ErrorCodes.INVALID_TASK, "task.data could not be checked by the " + type.wireName()
                    + " validator: an internal error of the coordinator, not a problem with the data");
        }
    }

    /** SHA-256 over type, algorithm version and canonical data: equal work, equal key. */
    static String cacheKey(TaskType type, String version, String canonicalData) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((type.wireName() + "\n" + version + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalData.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Submission refuse(SubmitTask message, String code, String error) {
        return new Submission(message, null, null, null, 0, null, code, error);
    }
}
