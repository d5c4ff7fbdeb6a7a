package io.p2c2r.common.protocol;

/**
 * Gamer to coordinator: I no longer want my task {@code requestId}. A task no peer has started is dropped and
 * answered with {@code task_result} error {@code cancelled}, at no charge; one already running on a peer cannot be
 * recalled (the cancel is refused with {@code cannot_cancel}) and its result follows as usual, billed.
 */
public record CancelTask(String requestId) implements ClientMessage {
    public static final String TYPE = "cancel_task";

    public CancelTask {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
