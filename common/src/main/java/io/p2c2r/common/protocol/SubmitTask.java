package io.p2c2r.common.protocol;

/**
 * Gamer to coordinator: run {@code task}. {@code requestId} is the client's own name for it, echoed on
 * every reply; {@code timeoutMs} bounds the whole wait, queueing included (server default if null).
 * {@code verify} is {@code first} (the default: answer with the first result, correct it later if a check
 * finds it wrong) or {@code wait} (answer only once two peers agree; pays for both runs). {@code split}, for a
 * render, asks the coordinator to cut it into that many tiles run on several peers at once (null: the
 * coordinator decides; 1: never).
 */
public record SubmitTask(String requestId, TaskSpec task, Long timeoutMs, String verify, Integer split) implements ClientMessage {
    public static final String TYPE = "submit_task";
    public static final long MAX_TIMEOUT_MS = 3_600_000L;
    public static final String VERIFY_FIRST = "first";
    public static final String VERIFY_WAIT = "wait";
    /** Most tiles a gamer may ask a render to be cut into. */
    public static final int MAX_SPLIT = 64;

    public SubmitTask {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        if (task == null) {
            throw ProtocolException.missing("task");
        }
        if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)) {
            throw ProtocolException.invalid("timeout_ms", timeoutMs, "must be in [1, " + MAX_TIMEOUT_MS + "]");
        }
        if (verify != null && !VERIFY_FIRST.equals(verify) && !VERIFY_WAIT.equals(verify)) {
            throw ProtocolException.invalid("verify", verify, "must be 'first' or 'wait'");
        }
        if (split != null && (split < 1 || split > MAX_SPLIT)) {
            throw ProtocolException.invalid("split", split, "must be an integer in [1, " + MAX_SPLIT + "]");
        }
    }

    public SubmitTask(String requestId, TaskSpec task, Long timeoutMs, String verify) {
        this(requestId, task, timeoutMs, verify, null);
    }

    public SubmitTask(String requestId, TaskSpec task, Long timeoutMs) {
        this(requestId, task, timeoutMs, null);
    }

    /** True when the gamer asked to be answered only after two peers agree. */
    public boolean waitForAgreement() {
        return VERIFY_WAIT.equals(verify);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
