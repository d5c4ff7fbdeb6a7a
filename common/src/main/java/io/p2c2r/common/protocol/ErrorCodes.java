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
    public static final String TIMEOUT = "timeout";
    public static final String PEER_FAILED = "peer_failed";
    public static final String EXECUTION_FAILED = "execution_failed";
    public static final String SHUTTING_DOWN = "shutting_down";
    public static final String CANCELLED = "cancelled";
    public static final String INTERNAL = "internal";

    private ErrorCodes() {}
}
