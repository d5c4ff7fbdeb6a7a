package io.p2c2r.common.protocol;

/**
 * Gamer to coordinator: send me the current answer for my task {@code taskId} (for instance after reconnecting,
 * to collect a correction). Answered by a {@code task_result} carrying this {@code requestId}.
 */
public record GetTask(String requestId, String taskId) implements ClientMessage {
    public static final String TYPE = "get_task";

    public GetTask {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        Ids.id("task_id", taskId);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
