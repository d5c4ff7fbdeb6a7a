package io.p2c2r.gamer;

import io.p2c2r.common.money.Money;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gamer.jar bench}: many concurrent submissions over several connections; throughput and latency. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = GamerMain.VersionInfo.class,
        description = "Submits --tasks tasks over --connections connections with at most --in-flight unanswered " +
                "per connection, then prints throughput and client-side latency percentiles. In --data, {i} " +
                "is replaced by the task's index ({i%%N}: modulo N, {i/N}: divided by N) so that tasks are " +
                "distinct work rather than cache hits.")
final class LoadBenchCommand implements Callable<Integer> {
    static final String DEFAULT_DATA = "{\"width\":128,\"height\":128,\"start\":[{i%128},{i/128}],\"end\":[127,127],"
            + "\"obstacles\":[[64,60],[64,61],[64,62],[64,63],[64,64],[64,65],[64,66]]}";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    GamerMain parent;

    @Option(names = "--tasks", description = "Tasks to submit. Default: ${DEFAULT-VALUE}.")
    int tasks = 1000;

    @Option(names = "--connections", description = "Connections to spread them over. Default: ${DEFAULT-VALUE}.")
    int connections = 4;

    @Option(names = "--in-flight", description = "Unanswered tasks allowed per connection. Default: ${DEFAULT-VALUE}.")
    int inFlight = 8;

    @Option(names = "--type", description = "Task type. Default: ${DEFAULT-VALUE}.")
    String type = "ai_pathfinding";

    @Option(names = "--data", description = "Task data template (JSON). Default: a 128x128 pathfinding task with {i}-varied start.")
    String data = DEFAULT_DATA;

    @Option(names = "--split", paramLabel = "N", description = "For a render (rt_*): cut each task into N tiles (2-64) run on "
            + "several peers at once; 1 never (default: the coordinator decides).")
    Integer split;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tasks < 1 || connections < 1 || connections > 256 || inFlight < 1 || inFlight > 1024) {
            err.println("bench: need --tasks >= 1, --connections in [1, 256], --in-flight in [1, 1024]");
            return 2;
        }
        DataTemplate template = new DataTemplate(data);
        List<P2c2rClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                P2c2rClient client = parent.connection.connect(parent.connection.toClientOptions(), err);
                if (client == null) {
                    return 3;
                }
                client.onConnectionChange(new ConnectionNotices(out, "connection " + (c + 1) + ": "));
                clients.add(client);
            }
            out.printf(" Bench: %d x %s over %d connection(s), %d in flight each%n", tasks, type, connections, inFlight);
            out.flush();
            return run(clients, template, out);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return 2;
        } finally {
            clients.forEach(P2c2rClient::close);
        }
    }

    private int run(List<P2c2rClient> clients, DataTemplate template, PrintWriter out) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        AtomicLong spentNanos = new AtomicLong();
        AtomicLong processingMicros = new AtomicLong();
        String[] firstError = {null};
        long t0 = System.nanoTime();
        List<Thread> drivers = new ArrayList<>();
        for (P2c2rClient client : clients) {
            Thread t = new Thread(() -> drive(client, template, next, latencies, failed, cached, spentNanos, processingMicros,
                    firstError), "bench-driver");
            t.start();
            drivers.add(t);
        }
        for (Thread t : drivers) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int ok = ms.length;
        out.printf(" Completed: %d ok (%d from cache), %d failed, in %.2f s%n", ok, cached.get(), failed.get(), seconds);
        if (firstError[0] != null) {
            out.println(" First failure: " + firstError[0]);
        }
        if (ok > 0) {
            out.printf(" Throughput: %.1f tasks/s%n Latency ms: p50 %.2f | p90 %.2f | p99 %.2f | max %.2f%n",
                    ok / seconds, pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
            out.printf(" Mean processing on peers: %.2f ms | Total cost: %s%n", processingMicros.get() / 1000.0 / ok,
                    Money.ofNanos(spentNanos.get()).format(9));
        }
        out.flush();
        return failed.get() == 0 ? 0 : 1;
    }

    private void drive(P2c2rClient client, DataTemplate template, AtomicInteger next, ConcurrentLinkedQueue<Double> latencies,
                       AtomicInteger failed, AtomicInteger cached, AtomicLong spent, AtomicLong processing, String[] firstError) {
        Semaphore window = new Semaphore(inFlight);
        List<CompletableFuture<TaskReply>> all = new ArrayList<>();
        try {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                window.acquire();
                CompletableFuture<TaskReply> f = client.submit(type, template.render(i), Duration.ofMinutes(5), false, split);
                f.whenComplete((r, e) -> {
                    window.release();
                    if (e == null && r.ok()) {
                        latencies.add(r.latencyMs());
                        spent.addAndGet(r.result().costNanos());
                        if (r.result().cached()) {
                            cached.incrementAndGet();
                        }
                        processing.addAndGet(Math.round((r.result().processingTimeMs() == null ? 0 : r.result().processingTimeMs()) * 1000));
                    } else {
                        failed.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e != null ? e.toString() : r.result().code() + ": " + r.result().error();
                            }
                        }
                    }
                });
                all.add(f);
            }
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).exceptionally(x -> null).get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            failed.incrementAndGet();
        }
    }

    private static double pct(double[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

}
