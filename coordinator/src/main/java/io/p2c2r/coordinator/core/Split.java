package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.RawJson;
import io.p2c2r.common.protocol.Verification;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One render cut into tiles: the gamer's task (the parent, which has no runs of its own), its tiles (ordinary
 * tasks), what each tile answered, and what the tiles cost the gamer so far. Event loop only.
 */
final class Split {
    final Task parent;
    final SplitPlan plan;
    final Task[] tiles;
    /** Each tile's result until the merge takes them; then null, so their memory goes with the merge. */
    RawJson[] results;
    final String[] verification;
    final Set<String> peers = new HashSet<>();
    int done;
    long costNanos;
    double processingMs;
    boolean allCached = true;
    String firstPeer;
    /** The parent's pixels count against {@link Splits}' budget from its start until it is merged or ended. */
    boolean reserved;
    boolean merging;
    /** A tile is running on a peer, and the gamer was told so. */
    boolean running;

    Split(Task parent, SplitPlan plan) {
        this.parent = parent;
        this.plan = plan;
        int n = plan.tiles().size();
        this.tiles = new Task[n];
        this.results = new RawJson[n];
        this.verification = new String[n];
    }

    int total() {
        return tiles.length;
    }

    /** The most attempts any tile took (what the gamer is told for the whole render). */
    int attempts() {
        int most = 0;
        for (Task t : tiles) {
            if (t != null) {
                most = Math.max(most, t.attempts());
            }
        }
        return most;
    }

    /** The weakest check among the tiles: the whole is only as checked as its least checked tile. */
    String weakestVerification() {
        List<String> order = List.of(Verification.UNCHECKED, Verification.PENDING, Verification.TRUSTED, Verification.VERIFIED);
        int weakest = order.size() - 1;
        for (String v : verification) {
            weakest = Math.min(weakest, Math.max(0, order.indexOf(v)));
        }
        return order.get(weakest);
    }

    /** Whether a peer is rendering one of its tiles now: then the render, like a running task, outlives its gamer's connection. */
    boolean anyTileRunning() {
        for (Task t : tiles) {
            if (t != null && t.state != Task.State.ANSWERED && t.runs.stream().anyMatch(r -> r.state == Run.State.RUNNING)) {
                return true;
            }
        }
        return false;
    }

    /** How far it came, for messages: "3 of 8 tiles done". */
    String progress() {
        return done + " of " + tiles.length + " tiles done";
    }
}
