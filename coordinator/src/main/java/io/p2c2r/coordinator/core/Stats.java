package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;

/** A snapshot of the network's counters, taken on the event loop. */
public record Stats(long uptimeMs, int activePeers, int activeGamers, long tasksRouted, long tasksCompleted,
                    long cacheHits, long revenueNanos, long tasksStored, int queued, int running) {

    /** The seed's "Network Stats" block. */
    public String render() {
        return String.format("%n Network Stats:%n   Uptime: %.1f minutes%n   Active Peers: %d | Active Gamers: %d%n"
                        + "   Tasks Routed: %d | Completed: %d | Cache hits: %d | Queued: %d | Running: %d%n"
                        + "   Total Revenue: %s (coordinator fee)%n   Database: %d tasks stored%n%n",
                uptimeMs / 60_000.0, activePeers, activeGamers, tasksRouted, tasksCompleted, cacheHits, queued, running,
                Money.ofNanos(revenueNanos).format(9), tasksStored);
    }
}
