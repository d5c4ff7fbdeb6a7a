package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;

/** A snapshot of the network's counters, taken on the event loop. */
public record Stats(long uptimeMs, int activePeers, int activeGamers, long tasksRouted, long tasksCompleted,
                    long cacheHits, long revenueNanos, long tasksStored, int queued, int running, int pausedPeers,
                    long runRevenueNanos, long checksOpen, long verified, long corrected, long disputed, long outvoted,
                    long trustedPairs, long auditCostNanos) {

    /** True if anything but the clock differs: worth printing again. */
    public boolean changedSince(Stats before) {
        return before == null || activePeers != before.activePeers || activeGamers != before.activeGamers
                || tasksRouted != before.tasksRouted || tasksCompleted != before.tasksCompleted
                || cacheHits != before.cacheHits || queued != before.queued || running != before.running
                || pausedPeers != before.pausedPeers || checksOpen != before.checksOpen || verified != before.verified
                || trustedPairs != before.trustedPairs;
    }

    /** The seed's "Network Stats" block, this run's figures and lifetime totals labelled apart, then the checks. */
    public String render() {
        return String.format("%n Network Stats (up %.1f minutes):%n   Now: %s%s | %s | %d queued, %d running%n"
                        + "   This run: %d routed, %d completed, %s%n"
                        + "   Checks this run: %d open, %d verified, %d corrected, %d disputed, %s outvoted%n"
                        + "   Trust: %s | audits paid from the fee: %s lifetime%n"
                        + "   Coordinator fee: %s this run, %s lifetime (net of audits)%n   Database: %s stored (lifetime)%n%n",
                uptimeMs / 60_000.0, count(activePeers, "peer"), pausedPeers > 0 ? " (" + pausedPeers + " paused)" : "",
                count(activeGamers, "gamer"), queued, running, tasksRouted, tasksCompleted, count(cacheHits, "cache hit"),
                checksOpen, verified, corrected, disputed, count(outvoted, "result"),
                count(trustedPairs, "trusted peer/type pair"), Money.ofNanos(auditCostNanos).format(9),
                Money.ofNanos(runRevenueNanos).format(9), Money.ofNanos(revenueNanos).format(9), count(tasksStored, "task"));
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
