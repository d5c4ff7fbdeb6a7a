package io.p2c2r.executors.bench;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.PoolContext;
import io.p2c2r.executors.TaskExecutor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Times each executor on its standard inputs: one warm-up run, then {@code runs} timed runs, reporting
 * the median. Used by {@code peer.jar bench}; callable from any one thread at a time.
 */
public final class BenchRunner {
    /** One bench case's timings in milliseconds. */
    public record Measurement(TaskType type, String caseName, int runs, double medianMs, double minMs, double maxMs,
                              long raysTraced) {
        /** Rays per second at the median time, or 0 when the task does not trace rays. */
        public double raysPerSecond() {
            return raysTraced <= 0 || medianMs <= 0 ? 0 : raysTraced / (medianMs / 1000.0);
        }
    }

    private final ExecutorRegistry registry;
    private final PrintWriter out;

    public BenchRunner(ExecutorRegistry registry, PrintWriter out) {
        this.registry = registry;
        this.out = out;
    }

    /** Runs the bench cases of the given types (all types when empty) and prints a line per case. */
    public List<Measurement> run(Set<TaskType> only, int runs, ExecutionContext ctx) {
        return run(only, runs, ctx, false);
    }

    /** As {@link #run(Set, int, ExecutionContext)}; {@code seedOnly} keeps just each type's first (seed) case. */
    public List<Measurement> run(Set<TaskType> only, int runs, ExecutionContext ctx, boolean seedOnly) {
        List<Measurement> results = new ArrayList<>();
        List<Map.Entry<TaskExecutor, BenchCase>> chosen = new ArrayList<>();
        for (TaskExecutor executor : registry.all()) {
            if (!only.isEmpty() && !only.contains(executor.type())) {
                continue;
            }
            List<BenchCase> cases = executor.benchCases();
            for (BenchCase c : seedOnly ? cases.subList(0, Math.min(1, cases.size())) : cases) {
                chosen.add(Map.entry(executor, c));
            }
        }
        // The case column fits the longest name, so that the figures stay in their columns.
        int caseWidth = chosen.stream().mapToInt(e -> e.getValue().name().length()).max().orElse(0);
        String row = "%-24s %-" + Math.max(28, caseWidth) + "s %5s %12s %12s %12s  %s%n";
        out.printf(row, "task type", "case", "runs", "median ms", "min ms", "max ms", "rays/s per thread");
        for (Map.Entry<TaskExecutor, BenchCase> e : chosen) {
            Measurement m = measure(e.getKey(), e.getValue(), runs, ctx);
            results.add(m);
            String rays = m.raysPerSecond() == 0 ? "" : String.format("%.2f M", m.raysPerSecond() / 1e6 / ctx.parallelism());
            out.printf(row, m.type().wireName(), m.caseName(), m.runs(), String.format("%.2f", m.medianMs()),
                    String.format("%.2f", m.minMs()), String.format("%.2f", m.maxMs()), rays);
            out.flush();
        }
        return results;
    }

    private static Measurement measure(TaskExecutor executor, BenchCase c, int runs, ExecutionContext ctx) {
        Params data = Codec.params(c.data());
        Map<String, Object> sink = executor.execute(data, ctx); // warm-up, also checks the case is valid
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink = executor.execute(data, ctx);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink.isEmpty()) {
            throw new IllegalStateException(executor.type() + " returned an empty result for bench case " + c.name());
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        long rays = sink.get("rays_traced") instanceof Number n ? n.longValue() : 0;
        return new Measurement(executor.type(), c.name(), runs, median, ms[0], ms[runs - 1], rays);
    }

    /** {@code BenchRunner [runs] [threads] [task_type...]}: a quick way to bench from a build tree. */
    public static void main(String[] args) throws InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Set<TaskType> only = new java.util.HashSet<>();
        for (int i = 2; i < args.length; i++) {
            String name = args[i];
            only.add(TaskType.fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown task type " + name)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
            Thread t = new Thread(r, "bench-compute");
            t.setDaemon(true);
            return t;
        });
        try {
            PrintWriter out = new PrintWriter(System.out, true);
            new BenchRunner(ExecutorRegistry.builtIn(), out).run(only, runs, new PoolContext(pool, threads, () -> false));
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
