package io.p2c2r.common.protocol;

/**
 * Coordinator to client: a message was refused. {@code code} is stable (see {@link ErrorCodes}),
 * {@code message} says what was wrong; {@code requestId} or {@code taskId} say which message, when known.
 */
public record ErrorMessage(String code, String message, String requestId, String taskId) implements ServerMessage {
    public static final String TYPE = "error";

    public ErrorMessage {
        Ids.text("code", code, 64);
        Ids.text("message", message, Ids.MAX_TEXT);
    }

    public static ErrorMessage of(String code, String message) {
        return new ErrorMessage(code, message, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
