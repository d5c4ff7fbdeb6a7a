package io.p2c2r.common.protocol;

/**
 * Peer to coordinator: hand task {@code taskId} back unfinished (the peer is pausing or stopping). The
 * coordinator queues it again at the front, does not count it as a failed attempt and bills nothing for it;
 * the peer sends no {@code task_result} for it afterwards. {@code reason} is optional, for the console.
 */
public record ReleaseTask(String taskId, String reason) implements ClientMessage {
    public static final String TYPE = "release_task";

    public ReleaseTask {
        Ids.id("task_id", taskId);
        Ids.optText("reason", reason, Capacity.MAX_REASON);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
