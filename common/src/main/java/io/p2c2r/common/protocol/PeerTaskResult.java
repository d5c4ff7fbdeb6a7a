package io.p2c2r.common.protocol;

/**
 * Peer to coordinator: the outcome of an {@code execute_task}. {@code status} is {@code completed}
 * (with {@code result}) or {@code error} (with {@code error} and optionally {@code errorCode}).
 */
public record PeerTaskResult(String taskId, String status, RawJson result, String error, String errorCode,
                             Double processingTimeMs) implements ClientMessage {
    public static final String TYPE = "task_result";
    public static final String COMPLETED = "completed";
    public static final String ERROR = "error";

    public PeerTaskResult {
        Ids.id("task_id", taskId);
        if (status == null) {
            throw ProtocolException.missing("status");
        }
        if (COMPLETED.equals(status)) {
            if (result == null) {
                throw ProtocolException.missing("result");
            }
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
    }

    public static PeerTaskResult completed(String taskId, RawJson result, double ms) {
        return new PeerTaskResult(taskId, COMPLETED, result, null, null, ms);
    }

    public static PeerTaskResult failed(String taskId, String code, String error, double ms) {
        return new PeerTaskResult(taskId, ERROR, null, error, code, ms);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
