package io.p2c2r.common.protocol;

/**
 * Coordinator to gamer: the task was accepted and named {@code taskId}; {@code status} is
 * {@code queued} (waiting for a peer) or {@code running}. Progress only; the answer is a {@code task_result}.
 */
public record TaskAccepted(String requestId, String taskId, String status, String peerId) implements ServerMessage {
    public static final String TYPE = "task_accepted";

    public TaskAccepted {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        Ids.id("task_id", taskId);
        Ids.text("status", status, 32);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
