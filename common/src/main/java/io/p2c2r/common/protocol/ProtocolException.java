package io.p2c2r.common.protocol;

import io.p2c2r.common.P2c2rException;

/** A frame that cannot be understood: bad JSON, an unknown type, a missing or invalid field. */
public class ProtocolException extends P2c2rException {
    private static final long serialVersionUID = 1L;
    private final String requestId;
    private final String taskId;

    public ProtocolException(String code, String message) {
        this(code, message, null, null);
    }

    /** A refusal of a message that named {@code requestId} and/or {@code taskId} (either may be null). */
    public ProtocolException(String code, String message, String requestId, String taskId) {
        super(code, message);
        this.requestId = requestId;
        this.taskId = taskId;
    }

    /** The {@code request_id} the refused message carried, if it was readable; else null. */
    public String requestId() {
        return requestId;
    }

    /** The {@code task_id} the refused message carried, if it was readable; else null. */
    public String taskId() {
        return taskId;
    }

    static ProtocolException missing(String field) {
        return new ProtocolException(ErrorCodes.MISSING_FIELD, field + " is required");
    }

    static ProtocolException invalid(String field, Object value, String rule) {
        String shown = String.valueOf(value);
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "...";
        }
        return new ProtocolException(ErrorCodes.INVALID_FIELD, field + " = '" + shown + "' " + rule);
    }
}
