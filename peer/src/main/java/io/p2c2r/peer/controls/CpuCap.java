package io.p2c2r.peer.controls;

/**
 * How much of the machine a peer's compute may use, as threads: {@code slots} tasks at once, each on its worker
 * thread, sharing {@code helpers} extra threads for parallel loops, so at most {@code slots + helpers} threads
 * compute at any moment. Below one core's worth, the one thread is also duty-cycled ({@code duty} &lt; 1).
 * Immutable.
 *
 * <p>Threads first because the operating system enforces them for free and they cost no throughput per thread;
 * duty cycling only where threads cannot go lower, since Java cannot pause a thread from outside and the peer
 * can only rest at the executors' own checkpoints (their cancellation checks and parallel-loop items).
 */
public record CpuCap(int percent, int slots, int helpers, int parallelism, double duty) {
    /** No cap: {@code workers} tasks at once, each may use every core (the helpers are shared). */
    public static CpuCap none(int workers, int cores) {
        return new CpuCap(100, workers, Math.max(1, cores - 1), cores, 1.0);
    }

    /**
     * At most {@code percent} of {@code cores}: {@code floor(cores x percent / 100)} threads (at least one), never
     * more tasks at once than {@code workers}; the fraction of a core beyond whole threads is left unused, so the
     * cap is never exceeded. Under one core, one thread computing {@code cores x percent / 100} of the time.
     */
    public static CpuCap of(Integer percent, int workers, int cores) {
        if (percent == null || percent == 100) {
            return none(workers, cores);
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("--max-cpu-percent " + percent + " is out of range [1, 100] (percent of all "
                    + cores + " cores)");
        }
        double budget = cores * percent / 100.0;
        int threads = Math.max(1, (int) Math.floor(budget));
        int slots = Math.min(workers, threads);
        int helpers = threads - slots;
        return new CpuCap(percent, slots, helpers, 1 + helpers, budget < 1 ? budget : 1.0);
    }

    public boolean capped() {
        return percent < 100;
    }

    /** One line for the console, e.g. "at most 50% of 4 cores: 2 compute threads". */
    public String describe(int cores) {
        if (!capped()) {
            return "no CPU cap: " + slots + " task(s) at once, each may use all " + cores + " core(s)";
        }
        int threads = slots + helpers;
        return "at most " + percent + "% of " + cores + " core(s): " + threads + " compute thread(s), " + slots
                + " task(s) at once" + (duty < 1 ? String.format(", computing %.0f%% of the time", duty * 100) : "");
    }
}
