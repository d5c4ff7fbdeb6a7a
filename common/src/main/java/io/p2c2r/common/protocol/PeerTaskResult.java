package io.p2c2r.common.protocol;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Peer to coordinator: the outcome of an {@code execute_task}. {@code status} is {@code completed} (with
 * {@code result} and {@code resultSha256}, the SHA-256 of the result's canonical JSON) or {@code error} (with
 * {@code error} and optionally {@code errorCode}). {@code metrics} holds machine-dependent figures such as
 * {@code render_ms}, kept out of the result so that honest peers return identical results.
 */
public record PeerTaskResult(String taskId, String status, RawJson result, String error, String errorCode,
                             Double processingTimeMs, String resultSha256, Map<String, Double> metrics)
        implements ClientMessage {
    public static final String TYPE = "task_result";
    public static final String COMPLETED = "completed";
    public static final String ERROR = "error";
    public static final int MAX_METRICS = 32;
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public PeerTaskResult {
        Ids.id("task_id", taskId);
        if (status == null) {
            throw ProtocolException.missing("status");
        }
        if (COMPLETED.equals(status)) {
            if (result == null) {
                throw ProtocolException.missing("result");
            }
            sha256("result_sha256", resultSha256);
        } else if (ERROR.equals(status)) {
            Ids.text("error", error, Ids.MAX_TEXT);
            Ids.optText("error_code", errorCode, 64);
        } else {
            throw ProtocolException.invalid("status", status, "must be 'completed' or 'error'");
        }
        if (processingTimeMs == null) {
            throw ProtocolException.missing("processing_time_ms");
        }
        if (!(processingTimeMs >= 0 && processingTimeMs <= 7 * 24 * 3_600_000.0)) {
            throw ProtocolException.invalid("processing_time_ms", processingTimeMs, "must be in [0, 604800000]");
        }
        metrics = metrics(metrics);
    }

    /** A completed result; its digest is computed here from the canonical form. */
    public static PeerTaskResult completed(String taskId, RawJson result, double ms, Map<String, Double> metrics) {
        return new PeerTaskResult(taskId, COMPLETED, result, null, null, ms, Codec.canonicalSha256(result), metrics);
    }

    public static PeerTaskResult completed(String taskId, RawJson result, double ms) {
        return completed(taskId, result, ms, null);
    }

    public static PeerTaskResult failed(String taskId, String code, String error, double ms) {
        return new PeerTaskResult(taskId, ERROR, null, error, code, ms, null, null);
    }

    static String sha256(String field, String value) {
        if (value == null) {
            throw ProtocolException.missing(field);
        }
        if (!SHA256.matcher(value).matches()) {
            throw ProtocolException.invalid(field, value, "must be 64 lowercase hexadecimal digits");
        }
        return value;
    }

    static Map<String, Double> metrics(Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return Map.of();
        }
        if (metrics.size() > MAX_METRICS) {
            throw ProtocolException.invalid("metrics", metrics.size() + " entries", "may hold at most " + MAX_METRICS);
        }
        metrics.forEach((name, value) -> {
            Ids.text("metrics key", name, 64);
            if (value == null || !Double.isFinite(value)) {
                throw ProtocolException.invalid("metrics." + name, value, "must be a finite number");
            }
        });
        return new TreeMap<>(metrics);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
