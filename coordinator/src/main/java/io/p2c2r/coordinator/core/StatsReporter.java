package io.p2c2r.coordinator.core;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prints the network stats block on a timer, but only when something other than the clock changed since the
 * last block, so an idle coordinator stays quiet. Event loop only.
 */
public final class StatsReporter implements Runnable {
    private final Supplier<Stats> stats;
    private final Consumer<String> console;
    private Stats last;

    public StatsReporter(Supplier<Stats> stats, Consumer<String> console) {
        this.stats = stats;
        this.console = console;
        // An idle start prints nothing until the first peer, gamer or task.
        this.last = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public void run() {
        Stats now = stats.get();
        if (now.changedSince(last)) {
            last = now;
            console.accept(now.render());
        }
    }
}
