package io.p2c2r.common.protocol;

/**
 * Coordinator to gamer: a result delivered earlier with {@code verification: pending} was checked and found
 * wrong. {@code result} is the canonical one (agreed by two peers), {@code verification} is {@code verified};
 * or, if no two peers agreed, {@code verification} is {@code disputed}, {@code result} is absent and the
 * task's charge was refunded ({@code refund_nanos}).
 */
public record TaskCorrected(String requestId, String taskId, String verification, RawJson result, String resultSha256,
                            long refundNanos) implements ServerMessage {
    public static final String TYPE = "task_corrected";

    public TaskCorrected {
        Ids.text("request_id", requestId, Ids.MAX_REQUEST_ID);
        Ids.id("task_id", taskId);
        if (!Verification.VERIFIED.equals(verification) && !Verification.DISPUTED.equals(verification)) {
            throw ProtocolException.invalid("verification", verification, "must be 'verified' or 'disputed'");
        }
        if (Verification.VERIFIED.equals(verification) && (result == null || resultSha256 == null)) {
            throw ProtocolException.missing(result == null ? "result" : "result_sha256");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
