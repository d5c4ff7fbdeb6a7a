package io.p2c2r.common.protocol;

import com.google.gson.JsonObject;

/**
 * Builds the messages a peer or gamer sends from their JSON objects, field by field through {@link Fields},
 * so that every field is checked for its JSON type and range as docs/PROTOCOL.md states it; the records'
 * constructors then check the rest. Stateless and thread-safe.
 */
final class ClientMessages {
    /** Largest {@code processing_time_ms}: a week. */
    static final double MAX_PROCESSING_MS = 7 * 24 * 3_600_000.0;

    private ClientMessages() {}

    static ClientMessage decode(String type, JsonObject object) {
        Fields f = new Fields(object, "");
        return switch (type) {
            case RegisterPeer.TYPE -> new RegisterPeer(f.string("peer_id"), f.optString("token"), capabilities(f.object("capabilities")));
            case RegisterGamer.TYPE -> new RegisterGamer(f.string("gamer_id"), f.optString("token"));
            case SubmitTask.TYPE -> new SubmitTask(f.string("request_id"), task(f.object("task")),
                    f.optInteger("timeout_ms", 1, SubmitTask.MAX_TIMEOUT_MS), f.optString("verify"),
                    optInt(f.optInteger("split", 1, SubmitTask.MAX_SPLIT)));
            case PeerTaskResult.TYPE -> new PeerTaskResult(f.string("task_id"), f.string("status"), f.optValue("result"),
                    f.optString("error"), f.optString("error_code"), f.number("processing_time_ms", 0, MAX_PROCESSING_MS),
                    f.optString("result_sha256"), metrics(f.optObject("metrics")));
            case Heartbeat.TYPE -> new Heartbeat(optInt(f.optInteger("running", 0, Capabilities.MAX_SLOTS)));
            case GetTask.TYPE -> new GetTask(f.string("request_id"), f.string("task_id"));
            case CancelTask.TYPE -> new CancelTask(f.string("request_id"));
            case Capacity.TYPE -> new Capacity(optInt(f.optInteger("slots", 0, Capabilities.MAX_SLOTS)), f.optString("reason"));
            case ReleaseTask.TYPE -> new ReleaseTask(f.string("task_id"), f.optString("reason"));
            default -> throw new IllegalArgumentException("not a client message type: " + type);
        };
    }

    private static Capabilities capabilities(Fields c) {
        Fields tasks = c.object("tasks");
        Fields benchmark = c.optObject("benchmark");
        return new Capabilities((int) c.integer("cores", 1, 4096), (int) c.integer("slots", 1, Capabilities.MAX_SLOTS),
                tasks.strings(Capabilities.MAX_TASK_TYPES), c.optString("platform"), c.optString("software_version"),
                benchmark == null ? null : benchmark.numbers(Capabilities.MAX_TASK_TYPES, 0, MAX_PROCESSING_MS));
    }

    private static TaskSpec task(Fields t) {
        String type = t.string("type");
        t.object("data"); // checks that it is an object before it is kept as text
        return new TaskSpec(type, t.optValue("data"));
    }

    private static java.util.Map<String, Double> metrics(Fields m) {
        return m == null ? null : m.numbers(PeerTaskResult.MAX_METRICS, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    private static Integer optInt(Long v) {
        return v == null ? null : v.intValue();
    }
}
