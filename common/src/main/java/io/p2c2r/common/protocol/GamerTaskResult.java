package io.p2c2r.common.protocol;

import java.util.Map;

/**
 * Coordinator to gamer: the answer to a {@code submit_task} (or a {@code get_task}). {@code status} is
 * {@code completed} (with {@code result}, its {@code resultSha256} and how far it was checked,
 * {@code verification}) or {@code error} (with {@code error} and {@code code}). {@code costUsd} is exact
 * decimal dollars and {@code costNanos} the same in nano-dollars; a cached answer costs nothing.
 */
public record GamerTaskResult(String requestId, String taskId, String status, RawJson result, String error,
                              String code, boolean cached, Double processingTimeMs, String costUsd,
                              long costNanos, String peerId, int attempts, String verification, String resultSha256,
                              Map<String, Double> metrics) implements ServerMessage {
    public static final String TYPE = "task_result";

    public GamerTaskResult {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        if (!PeerTaskResult.COMPLETED.equals(status) && !PeerTaskResult.ERROR.equals(status)) {
            throw ProtocolException.invalid("status", status, "must be 'completed' or 'error'");
        }
        if (PeerTaskResult.COMPLETED.equals(status)) {
            if (result == null) {
                throw ProtocolException.missing("result");
            }
            if (verification == null) {
                throw ProtocolException.missing("verification");
            }
        }
        Verification.check("verification", verification);
        if (resultSha256 != null) {
            PeerTaskResult.sha256("result_sha256", resultSha256);
        }
        if (costUsd == null) {
            throw ProtocolException.missing("cost_usd");
        }
        metrics = PeerTaskResult.metrics(metrics);
    }

    public boolean ok() {
        return PeerTaskResult.COMPLETED.equals(status);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
