package io.p2c2r.common.protocol;

/** The work in a {@code submit_task}: a task type's wire name and its data object. */
public record TaskSpec(String type, RawJson data) {
    public TaskSpec {
        Ids.text("task.type", type, 64);
        if (data == null) {
            throw ProtocolException.missing("task.data");
        }
        if (!data.text().startsWith("{")) {
            throw ProtocolException.invalid("task.data", data.text(), "must be a JSON object");
        }
    }
}
