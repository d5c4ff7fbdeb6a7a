package io.p2c2r.common.protocol;

/**
 * Coordinator to peer: the result for {@code taskId} was accepted and earns {@code earnedUsd}, pending until it
 * is verified or its hold window passes (a result found wrong earns nothing). {@code totalEarnedUsd} is this
 * peer's pending plus granted earnings, split in {@code pendingUsd} and {@code grantedUsd}; {@code trust} is
 * its standing for this task's type.
 */
public record ResultAccepted(String taskId, String earnedUsd, long earnedNanos, String totalEarnedUsd,
                             String pendingUsd, String grantedUsd, TrustLevel trust) implements ServerMessage {
    public static final String TYPE = "result_accepted";

    @Override
    public String type() {
        return TYPE;
    }
}
