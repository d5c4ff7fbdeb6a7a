package io.p2c2r.peer.status;

import java.util.List;

/**
 * What a running peer writes to {@code <state folder>/peer-<id>.status.json} for {@code peer.jar status} and
 * for the owner's own tools (format 1; fields in snake_case, absent when unknown). Times are epoch
 * milliseconds; money is decimal dollar strings with nine places, as on the wire. Immutable.
 *
 * <p>{@code state} is {@code connecting}, {@code idle}, {@code working}, {@code paused} or {@code stopped}.
 */
public record PeerStatus(int format, String peerId, long pid, long startedAtMs, long updatedAtMs, long writeIntervalMs,
                         String softwareVersion, String coordinator, String state, boolean connected,
                         String pausedReason, int slots, int running, Earnings earned, Counts tasks,
                         List<RecentTask> recentTasks) {
    public static final int FORMAT = 1;

    /**
     * {@code todayUsd} is what this peer was told it earned since local midnight of {@code todayDate}, across
     * restarts; {@code totalUsd} is the coordinator's lifetime total for the id. {@code pendingUsd} and
     * {@code grantedUsd} are absent until a coordinator that checks results reports them.
     */
    public record Earnings(String sessionUsd, String todayUsd, String todayDate, String totalUsd, String pendingUsd,
                           String grantedUsd) {
    }

    /** Tasks this session: completed, failed, and handed back unfinished (paused or stopping). */
    public record Counts(long completed, long failed, long handedBack) {
    }

    /** One task, newest first in the list; {@code outcome} is completed, failed or handed_back. */
    public record RecentTask(String taskId, String type, String outcome, double processingMs, String earnedUsd,
                             long atMs) {
    }
}
