package io.p2c2r.peer;

import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.PoolContext;
import io.p2c2r.executors.bench.BenchRunner;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code peer.jar bench}: how fast this host runs each algorithm on standard inputs. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = PeerMain.VersionInfo.class,
        description = "Runs each available algorithm on its standard inputs (the demo's example first, then " +
                "larger ones) and prints the median time of several runs, the work units each result counts and the " +
                "time per unit. Nothing is sent anywhere.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", description = "Timed runs per input, after one warm-up. Default: ${DEFAULT-VALUE}.")
    int runs = 5;

    @Option(names = "--threads", description = "Threads inside one task. Default: one per core (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed-only", description = "Only the demo's example input of each task type.")
    boolean seedOnly;

    @Option(names = "--calibrate", description = "On one thread, after warming up, fit each type's price per work unit "
            + "(alone, and with a fixed cost per task) and show how far each input strays from the built-in price.")
    boolean calibrate;

    @Parameters(paramLabel = "TASK_TYPE", arity = "0..*", description = "Task types to bench (default: all).")
    List<String> types = List.of();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || runs > 1000 || threads < 1 || threads > 1024) {
            spec.commandLine().getErr().println("bench: --runs must be in [1, 1000] and --threads in [1, 1024]");
            return 2;
        }
        Set<TaskType> only = EnumSet.noneOf(TaskType.class);
        for (String t : types) {
            TaskType type = TaskType.fromWire(t).orElse(null);
            if (type == null) {
                spec.commandLine().getErr().println("bench: unknown task type '" + t + "'");
                return 2;
            }
            only.add(type);
        }
        ExecutorRegistry registry = ExecutorRegistry.builtIn();
        if (calibrate) {
            out.printf(" P2C2R peer bench --calibrate: %d run(s) per input, 1 thread, %d core(s)%n", runs,
                    Runtime.getRuntime().availableProcessors());
            new BenchRunner(registry, out).calibrate(only, runs);
            return 0;
        }
        out.printf(" P2C2R peer bench: %d algorithm(s), %d run(s) each, %d thread(s), %d core(s)%n", registry.all().size(),
                runs, threads, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        try {
            new BenchRunner(registry, out).run(only, runs, new PoolContext(pool, threads, () -> false), seedOnly);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }
}
