package io.p2c2r.coordinator.http;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.coordinator.core.HubView;
import io.p2c2r.coordinator.core.Stats;
import io.p2c2r.coordinator.core.TaskEnd;
import java.util.List;

/** The bodies of the {@code /api/*} endpoints, as records written by the project's one {@link Codec}. Stateless. */
final class ApiJson {
    private ApiJson() {
    }

    record Status(long takenAtMillis, Stats stats) {
    }

    record Peers(long takenAtMillis, List<HubView.PeerView> peers) {
    }

    record TaskJson(String taskId, String type, String gamerId, String outcome, String errorCode, String verification,
                    String peerId, double endToEndMs, double processingMs, long costNanos, long finishedAtMillis) {
    }

    record Tasks(long takenAtMillis, List<TaskJson> tasks) {
    }

    record Books(long takenAtMillis, long feeRevenueNanos, long feeRevenueThisRunNanos, long auditCostNanos,
                 long gamerSpentNanos, long peerGrantedNanos, long peerPendingNanos) {
    }

    static String status(LiveView.Published p) {
        return Codec.write(new Status(p.view().takenAtMillis(), p.view().stats()));
    }

    static String peers(LiveView.Published p) {
        return Codec.write(new Peers(p.view().takenAtMillis(), p.view().peers()));
    }

    static String tasks(LiveView.Published p) {
        List<TaskJson> out = p.recent().stream().map(ApiJson::task).toList();
        return Codec.write(new Tasks(p.view().takenAtMillis(), out));
    }

    static String books(LiveView.Published p) {
        HubView v = p.view();
        return Codec.write(new Books(v.takenAtMillis(), v.stats().revenueNanos(), v.stats().runRevenueNanos(),
                v.stats().auditCostNanos(), v.gamerSpentNanos(), v.peerGrantedNanos(), v.peerPendingNanos()));
    }

    private static TaskJson task(TaskEnd e) {
        return new TaskJson(e.taskId(), e.type().wireName(), e.gamerId(), e.outcome(), e.errorCode(), e.verification(),
                e.peerId(), e.endToEndMs(), e.processingMs(), e.costNanos(), e.finishedAtMillis());
    }
}
