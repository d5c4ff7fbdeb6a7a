package io.p2c2r.common.protocol;

/**
 * Coordinator to gamer: how far a render cut into tiles has come, {@code tilesDone} of {@code tilesTotal} tiles
 * rendered (sent once with 0 when the tiles are queued, then after each tile). Progress only; the answer is one
 * {@code task_result} for the whole render.
 */
public record TaskProgress(String requestId, String taskId, int tilesDone, int tilesTotal) implements ServerMessage {
    public static final String TYPE = "task_progress";

    public TaskProgress {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        Ids.id("task_id", taskId);
        if (tilesTotal < 1 || tilesTotal > SubmitTask.MAX_SPLIT) {
            throw ProtocolException.invalid("tiles_total", tilesTotal, "must be in [1, " + SubmitTask.MAX_SPLIT + "]");
        }
        if (tilesDone < 0 || tilesDone > tilesTotal) {
            throw ProtocolException.invalid("tiles_done", tilesDone, "must be in [0, " + tilesTotal + "]");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
