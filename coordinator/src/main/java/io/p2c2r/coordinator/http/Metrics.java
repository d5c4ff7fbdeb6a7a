package io.p2c2r.coordinator.http;

import io.p2c2r.common.task.TaskType;
import io.p2c2r.coordinator.core.HubView;
import io.p2c2r.coordinator.core.Stats;
import io.p2c2r.coordinator.core.TaskEnd;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The coordinator's Prometheus metrics, in a registry of its own (so several coordinators in one JVM do not
 * clash). Task and run outcomes are counted as the loop reports them; gauges and the check counters read the last
 * published {@link HubView}. No label names a peer or gamer. Thread-safe (the client library's metrics are).
 */
public final class Metrics {
    /** Seconds: from a cached answer (milliseconds) to a long queued task (minutes). */
    private static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter tasks;
    private final Histogram endToEnd;
    private final Histogram processing;

    public Metrics(Supplier<HubView> view) {
        tasks = Counter.builder().name("p2c2r_tasks_total").help("Gamers' tasks answered, by type and outcome "
                + "(completed, cached, failed, timeout, cancelled, interrupted)").labelNames("type", "outcome").register(registry);
        endToEnd = Histogram.builder().name("p2c2r_task_duration_seconds").help("From submission to answer, by type and outcome")
                .labelNames("type", "outcome").classicOnly().classicUpperBounds(BUCKETS).register(registry);
        processing = Histogram.builder().name("p2c2r_peer_processing_seconds").help("Processing time peers reported for "
                + "accepted runs, by type and kind (primary, replica, audit, tiebreak, spot)")
                .labelNames("type", "kind").classicOnly().classicUpperBounds(BUCKETS).register(registry);
        gauge(view, "p2c2r_queue_depth", "Runs waiting for a free peer", v -> v.stats().queued());
        gauge(view, "p2c2r_runs_running", "Runs on peers now", v -> v.stats().running());
        gauge(view, "p2c2r_peers_connected", "Peers connected", v -> v.stats().activePeers());
        gauge(view, "p2c2r_peers_paused", "Connected peers that take no task now", v -> v.stats().pausedPeers());
        gauge(view, "p2c2r_gamers_connected", "Distinct gamers connected", v -> v.stats().activeGamers());
        gauge(view, "p2c2r_checks_open", "Result checks under way", v -> v.stats().checksOpen());
        gauge(view, "p2c2r_fee_revenue_nanos", "Coordinator fee, lifetime, net of audits, in nano-dollars", v -> v.stats().revenueNanos());
        gauge(view, "p2c2r_gamer_spent_nanos", "What gamers paid, lifetime, in nano-dollars", HubView::gamerSpentNanos);
        gauge(view, "p2c2r_peer_earnings_granted_nanos", "Peer earnings granted, lifetime, in nano-dollars", HubView::peerGrantedNanos);
        gauge(view, "p2c2r_peer_earnings_pending_nanos", "Peer earnings waiting on a check or hold window, in nano-dollars",
                HubView::peerPendingNanos);
        counter(view, "p2c2r_cache_hits_total", "Tasks answered from the cache since start", Stats::cacheHits);
        counter(view, "p2c2r_runs_routed_total", "Runs sent to peers since start", Stats::tasksRouted);
        counter(view, "p2c2r_audit_cost_nanos_total", "Checks paid from the fee, lifetime, in nano-dollars", Stats::auditCostNanos);
        counter(view, "p2c2r_results_outvoted_total", "Peer results that disagreed with the agreed result since start", Stats::outvoted);
        CounterWithCallback.builder().name("p2c2r_checks_decided_total").help("Result checks decided since start: verified "
                        + "(the result given was right), corrected (it was wrong and the gamer was told), disputed (no agreement)")
                .labelNames("result").callback(cb -> {
                    HubView v = view.get();
                    if (v != null) {
                        cb.call(v.stats().verified(), "verified");
                        cb.call(v.stats().corrected(), "corrected");
                        cb.call(v.stats().disputed(), "disputed");
                    }
                }).register(registry);
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    void taskEnded(TaskEnd end) {
        String type = end.type().wireName();
        tasks.labelValues(type, end.outcome()).inc();
        endToEnd.labelValues(type, end.outcome()).observe(end.endToEndMs() / 1000.0);
    }

    void runCompleted(TaskType type, String kind, double processingMs) {
        processing.labelValues(type.wireName(), kind).observe(processingMs / 1000.0);
    }

    private void gauge(Supplier<HubView> view, String name, String help, ToDoubleFunction<HubView> f) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> {
            HubView v = view.get();
            if (v != null) {
                cb.call(f.applyAsDouble(v));
            }
        }).register(registry);
    }

    private void counter(Supplier<HubView> view, String name, String help, ToDoubleFunction<Stats> f) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> {
            HubView v = view.get();
            if (v != null) {
                cb.call(f.applyAsDouble(v.stats()));
            }
        }).register(registry);
    }
}
