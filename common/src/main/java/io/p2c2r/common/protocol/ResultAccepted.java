package io.p2c2r.common.protocol;

/** Coordinator to peer: the result for {@code taskId} was accepted and earned {@code earnedUsd}. */
public record ResultAccepted(String taskId, String earnedUsd, long earnedNanos, String totalEarnedUsd)
        implements ServerMessage {
    public static final String TYPE = "result_accepted";

    @Override
    public String type() {
        return TYPE;
    }
}
