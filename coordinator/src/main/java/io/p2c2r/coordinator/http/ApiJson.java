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

    /** One second of the dashboard's charts: peers online, queue, cumulative answers, median latency of recent tasks. */
    record Sample(long t, int peers, int queued, int running, long completed, long cacheHits, double latencyMs) {
    }

    record Event(Status status, Peers peers, Books books, Tasks tasks) {
    }

    record History(List<Sample> samples) {
    }

    record Types(int taskPort, List<TypeSeed> types) {
    }

    record TypeSeed(String type, String label, Object seed) {
    }

    static Sample sample(LiveView.Published p) {
        Stats s = p.view().stats();
        long since = p.view().takenAtMillis() - 60_000;
        double[] ms = p.recent().stream().filter(e -> e.finishedAtMillis() >= since && !"cached".equals(e.outcome()))
                .mapToDouble(TaskEnd::endToEndMs).sorted().toArray();
        double median = ms.length == 0 ? 0 : ms[(ms.length - 1) / 2];
        return new Sample(p.view().takenAtMillis(), s.activePeers(), s.queued(), s.running(), s.tasksCompleted(),
                s.cacheHits(), median);
    }

    static String event(LiveView.Published p) {
        HubView v = p.view();
        return Codec.write(new Event(new Status(v.takenAtMillis(), v.stats()), new Peers(v.takenAtMillis(), v.peers()),
                booksOf(v), new Tasks(v.takenAtMillis(), p.recent().stream().limit(20).map(ApiJson::task).toList())));
    }

    static String history(List<Sample> samples) {
        return Codec.write(new History(samples));
    }

    static String types(int taskPort) {
        List<TypeSeed> out = java.util.Arrays.stream(io.p2c2r.common.task.TaskType.values())
                .map(t -> new TypeSeed(t.wireName(), t.label(), Codec.tree(Codec.raw(t.seedData())))).toList();
        return Codec.write(new Types(taskPort, out));
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
        return Codec.write(booksOf(p.view()));
    }

    private static Books booksOf(HubView v) {
        return new Books(v.takenAtMillis(), v.stats().revenueNanos(), v.stats().runRevenueNanos(),
                v.stats().auditCostNanos(), v.gamerSpentNanos(), v.peerGrantedNanos(), v.peerPendingNanos());
    }

    private static TaskJson task(TaskEnd e) {
        return new TaskJson(e.taskId(), e.type().wireName(), e.gamerId(), e.outcome(), e.errorCode(), e.verification(),
                e.peerId(), e.endToEndMs(), e.processingMs(), e.costNanos(), e.finishedAtMillis());
    }
}
