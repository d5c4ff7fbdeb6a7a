package io.p2c2r.common.protocol;

/**
 * Coordinator to peer: run this task with algorithm {@code version} and answer within {@code deadlineMs}
 * milliseconds (relative, so that clocks need not agree); after that the task may go to another peer.
 */
public record ExecuteTask(String taskId, String taskType, RawJson taskData, String version, long deadlineMs)
        implements ServerMessage {
    public static final String TYPE = "execute_task";

    public ExecuteTask {
        Ids.id("task_id", taskId);
        Ids.text("task_type", taskType, 64);
        if (taskData == null) {
            throw ProtocolException.missing("task_data");
        }
        Ids.text("version", version, 64);
        if (deadlineMs < 1) {
            throw ProtocolException.invalid("deadline_ms", deadlineMs, "must be positive");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
