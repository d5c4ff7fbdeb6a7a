package io.p2c2r.common.protocol;

/**
 * Gamer to coordinator: run {@code task}. {@code requestId} is the client's own name for it, echoed on
 * every reply; {@code timeoutMs} bounds the whole wait, queueing included (server default if null).
 */
public record SubmitTask(String requestId, TaskSpec task, Long timeoutMs) implements ClientMessage {
    public static final String TYPE = "submit_task";
    public static final long MAX_TIMEOUT_MS = 3_600_000L;

    public SubmitTask {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        if (task == null) {
            throw ProtocolException.missing("task");
        }
        if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)) {
            throw ProtocolException.invalid("timeout_ms", timeoutMs, "must be in [1, " + MAX_TIMEOUT_MS + "]");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
