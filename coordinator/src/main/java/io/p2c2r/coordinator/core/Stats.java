package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;

/** A snapshot of the network's counters, taken on the event loop. */
public record Stats(long uptimeMs, int activePeers, int activeGamers, long tasksRouted, long tasksCompleted,
                    long cacheHits, long revenueNanos, long tasksStored, int queued, int running, long checksOpen,
                    long verified, long corrected, long disputed, long outvoted, long trustedPairs, long auditCostNanos) {

    /** The seed's "Network Stats" block, with the result checks below it. */
    public String render() {
        return String.format("%n Network Stats:%n   Uptime: %.1f minutes%n   Active Peers: %d | Active Gamers: %d%n"
                        + "   Tasks Routed: %d | Completed: %d | Cache hits: %d | Queued: %d | Running: %d%n"
                        + "   Checks: %d open | %d verified | %d corrected | %d disputed | %d results outvoted%n"
                        + "   Trust: %d peer/type pairs trusted | audit cost %s%n"
                        + "   Total Revenue: %s (coordinator fee, net of audits)%n   Database: %d tasks stored%n%n",
                uptimeMs / 60_000.0, activePeers, activeGamers, tasksRouted, tasksCompleted, cacheHits, queued, running,
                checksOpen, verified, corrected, disputed, outvoted, trustedPairs, Money.ofNanos(auditCostNanos).format(9),
                Money.ofNanos(revenueNanos).format(9), tasksStored);
    }
}
