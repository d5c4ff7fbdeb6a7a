package io.p2c2r.executors.bench;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.Params;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.PoolContext;
import io.p2c2r.executors.TaskExecutor;
import io.p2c2r.executors.WorkModel;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Times each executor on its standard inputs: one warm-up run, then {@code runs} timed runs, reporting
 * the median, the case's {@code work_units} and the time per unit. {@link #calibrate} fits each type's price
 * per unit on one thread. Used by {@code peer.jar bench}; callable from any one thread at a time.
 */
public final class BenchRunner {
    /** One bench case's timings in milliseconds, and the work its result counted. */
    public record Measurement(TaskType type, String caseName, int runs, double medianMs, double minMs, double maxMs,
                              long raysTraced, long workUnits) {
        /** Rays per second at the median time, or 0 when the task does not trace rays. */
        public double raysPerSecond() {
            return raysTraced <= 0 || medianMs <= 0 ? 0 : raysTraced / (medianMs / 1000.0);
        }

        /** Nanoseconds per work unit at the median time. */
        public double nanosPerUnit() {
            return medianMs * 1e6 / Math.max(1, workUnits);
        }
    }

    /** The calling thread's CPU time in nanoseconds, or wall time where the JVM cannot measure it. */
    private static final LongSupplier CPU_TIME = cpuTime();

    /**
     * Warm-up before calibrating a type: passes over all its cases, at least this many and for at least this long,
     * so that even a 10-microsecond case has run often enough for the JIT to have compiled it.
     */
    private static final int CALIBRATION_WARMUPS = 3;
    private static final long CALIBRATION_WARMUP_NANOS = 2_000_000_000L;

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
        String format = header();
        for (TaskExecutor executor : selected(only)) {
            List<BenchCase> cases = executor.benchCases();
            for (BenchCase c : seedOnly ? cases.subList(0, Math.min(1, cases.size())) : cases) {
                Measurement m = measure(executor, c, runs, ctx, System::nanoTime);
                results.add(m);
                String rays = m.raysPerSecond() == 0 ? ""
                        : String.format("%.2f M", m.raysPerSecond() / 1e6 / ctx.parallelism());
                out.printf(format, m.type().wireName(), m.caseName(), m.runs(), m.medianMs(), m.minMs(), m.maxMs(),
                        m.workUnits(), m.nanosPerUnit(), rays);
                out.flush();
            }
        }
        return results;
    }

    /**
     * Times every bench case of the given types on the calling thread alone (the reference measurement: one
     * thread), after warming each type up, in that thread's CPU time, which other work on a shared machine does
     * not inflate (where the platform cannot measure it, wall time), and prints per type each case's measured/billed ratio under the
     * built-in {@link TaskExecutor#workModel()}, then that model's spread and two fitted prices: per unit only,
     * and per unit plus a fixed cost per task. Returns the measurements.
     */
    public List<Measurement> calibrate(Set<TaskType> only, int runs) {
        ExecutionContext one = ExecutionContext.sequential();
        List<Measurement> all = new ArrayList<>();
        for (TaskExecutor executor : selected(only)) {
            long warmUntil = System.nanoTime() + CALIBRATION_WARMUP_NANOS;
            for (int w = 0; w < CALIBRATION_WARMUPS || System.nanoTime() < warmUntil; w++) {
                for (BenchCase c : executor.benchCases()) {
                    executor.execute(Codec.params(c.data()), one);
                }
            }
            WorkModel model = executor.workModel();
            out.printf("%s, unit: %s%n", executor.type().wireName(), model.unit());
            out.printf("  %-" + caseWidth() + "s %14s %16s %10s %16s%n", "case", "median cpu ms", "work units", "ns/unit",
                    "measured/billed");
            List<Measurement> cases = new ArrayList<>();
            for (BenchCase c : executor.benchCases()) {
                Measurement m = measure(executor, c, runs, one, CPU_TIME);
                cases.add(m);
                out.printf("  %-" + caseWidth() + "s %14.3f %16d %10.3f %16.3f%n", m.caseName(), m.medianMs(),
                        m.workUnits(), m.nanosPerUnit(), Calibration.ratio(m, model.picosPerUnit(), model.fixedPicos()));
                out.flush();
            }
            print("built-in model:", Calibration.of(cases, model));
            print("fit, per unit (median):", Calibration.perUnit(cases));
            print("fit, per unit + per task:", Calibration.twoTerm(cases));
            out.println();
            all.addAll(cases);
        }
        return all;
    }

    private static LongSupplier cpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported()) {
            threads.setThreadCpuTimeEnabled(true);
            return threads::getCurrentThreadCpuTime;
        }
        return System::nanoTime;
    }

    private void print(String label, Calibration.Fit fit) {
        out.printf("  %-26s %,12d ps/unit + %,10.1f us per task   spread %.2f%n", label, fit.picosPerUnit(),
                fit.fixedPicos() / 1e6, fit.spread());
    }

    private List<TaskExecutor> selected(Set<TaskType> only) {
        List<TaskExecutor> out = new ArrayList<>();
        for (TaskExecutor executor : registry.all()) {
            if (only.isEmpty() || only.contains(executor.type())) {
                out.add(executor);
            }
        }
        return out;
    }

    /** Prints the table header and returns the row format, with the case column as wide as the longest name. */
    private String header() {
        String cases = "%-" + caseWidth() + "s";
        out.printf("%-24s " + cases + " %5s %12s %12s %12s %14s %9s  %s%n", "task type", "case", "runs", "median ms",
                "min ms", "max ms", "work units", "ns/unit", "rays/s per thread");
        return "%-24s " + cases + " %5d %12.2f %12.2f %12.2f %14d %9.2f  %s%n";
    }

    private int caseWidth() {
        int width = 4;
        for (TaskExecutor e : registry.all()) {
            for (BenchCase c : e.benchCases()) {
                width = Math.max(width, c.name().length());
            }
        }
        return width;
    }

    private static Measurement measure(TaskExecutor executor, BenchCase c, int runs, ExecutionContext ctx,
                                       LongSupplier clock) {
        Params data = Codec.params(c.data());
        Map<String, Object> sink = executor.execute(data, ctx); // warm-up, also checks the case is valid
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = clock.getAsLong();
            sink = executor.execute(data, ctx);
            ms[i] = (clock.getAsLong() - t0) / 1e6;
        }
        if (sink.isEmpty()) {
            throw new IllegalStateException(executor.type() + " returned an empty result for bench case " + c.name());
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        long rays = sink.get("rays_traced") instanceof Number n ? n.longValue() : 0;
        long units = sink.get(TaskExecutor.WORK_UNITS) instanceof Number n ? n.longValue() : 0;
        return new Measurement(executor.type(), c.name(), runs, median, ms[0], ms[runs - 1], rays, units);
    }

    /**
     * {@code BenchRunner [runs] [threads] [task_type...]}, or {@code BenchRunner --calibrate [runs] [task_type...]}:
     * a quick way to bench from a build tree.
     */
    public static void main(String[] args) throws InterruptedException {
        boolean calibrate = args.length > 0 && args[0].equals("--calibrate");
        int first = calibrate ? 1 : 0;
        int runs = args.length > first ? Integer.parseInt(args[first]) : 5;
        int threads = calibrate ? 1 : args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Set<TaskType> only = new java.util.HashSet<>();
        for (int i = 2; i < args.length; i++) { // types follow "runs threads", or "--calibrate runs"
            String name = args[i];
            only.add(TaskType.fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown task type " + name)));
        }
        PrintWriter out = new PrintWriter(System.out, true);
        if (calibrate) {
            new BenchRunner(ExecutorRegistry.builtIn(), out).calibrate(only, runs);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
            Thread t = new Thread(r, "bench-compute");
            t.setDaemon(true);
            return t;
        });
        try {
            new BenchRunner(ExecutorRegistry.builtIn(), out).run(only, runs, new PoolContext(pool, threads, () -> false));
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
