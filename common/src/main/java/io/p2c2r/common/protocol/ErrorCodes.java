package io.p2c2r.common.protocol;

/** The stable error codes of the protocol (see docs/PROTOCOL.md). */
public final class ErrorCodes {
    public static final String BAD_JSON = "bad_json";
    public static final String UNKNOWN_TYPE = "unknown_type";
    public static final String MISSING_FIELD = "missing_field";
    public static final String INVALID_FIELD = "invalid_field";
    public static final String NOT_REGISTERED = "not_registered";
    public static final String ALREADY_REGISTERED = "already_registered";
    public static final String WRONG_ROLE = "wrong_role";
    public static final String AUTH_FAILED = "auth_failed";
    public static final String UNKNOWN_TASK_TYPE = "unknown_task_type";
    public static final String NOT_AVAILABLE = "not_available";
    public static final String INVALID_TASK = "invalid_task";
    public static final String TASK_NOT_HELD = "task_not_held";
    public static final String TOO_MANY_TASKS = "too_many_tasks";
    public static final String DUPLICATE_REQUEST = "duplicate_request";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String TIMEOUT = "timeout";
    public static final String PEER_FAILED = "peer_failed";
    public static final String EXECUTION_FAILED = "execution_failed";
    public static final String SHUTTING_DOWN = "shutting_down";
    public static final String CANCELLED = "cancelled";
    public static final String INTERNAL = "internal";
    /** A peer's {@code result_sha256} is not the digest of the result it sent. */
    public static final String RESULT_MISMATCH = "result_mismatch";
    /** A peer's result cannot be accepted as it stands: no {@code work_units}, or more than its task's input allows. */
    public static final String INVALID_RESULT = "invalid_result";
    /** A {@code cancel_task} named a task already running on a peer: it finishes and is billed. */
    public static final String CANNOT_CANCEL = "cannot_cancel";
    /** A {@code get_task} named a task this gamer never submitted (or that is no longer kept). */
    public static final String UNKNOWN_TASK = "unknown_task";
    /** A {@code get_task} named a task whose answer is not ready (its {@code task_result} is still to come). */
    public static final String NOT_FINISHED = "not_finished";
    /** A {@code get_task} named a finished task whose result is no longer stored (past the cache lifetime). */
    public static final String RESULT_EXPIRED = "result_expired";

    private ErrorCodes() {}
}
