package io.p2c2r.peer;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.Version;
import io.p2c2r.common.net.CloudUri;
import io.p2c2r.common.tls.ClientTls;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.protocol.Capabilities;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.PoolContext;
import io.p2c2r.executors.bench.BenchRunner;
import io.p2c2r.peer.controls.Controls;
import io.p2c2r.peer.controls.ProcCpuSampler;
import io.p2c2r.peer.controls.Schedule;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar peer.jar}: lend this machine to the network and earn, until Ctrl-C. */
@Command(name = "peer", mixinStandardHelpOptions = true, versionProvider = PeerMain.VersionInfo.class, sortOptions = false,
        subcommands = {BenchCommand.class, StatusCommand.class},
        description = "A P2C2R contributor node. Connects to a coordinator, runs the nine built-in game " +
                "algorithms on validated, size-limited inputs (never arbitrary code), and earns for each " +
                "completed task. Its id and secret token are kept in the state folder, so earnings follow " +
                "it across restarts. Reconnects with backoff if the coordinator goes away. It can be held to " +
                "a share of the CPU, a schedule, and pause while the machine is busy; 'peer.jar status' " +
                "shows what it is doing. Stop with Ctrl-C: running tasks are handed back to the coordinator.")
public final class PeerMain implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cloud-ip", description = "Coordinator host name or address (e.g. 0.tcp.ngrok.io), or a ws:// or wss:// URL.")
    String cloudIp;

    @Option(names = "--cloud-port", description = "Coordinator port. Default: ${DEFAULT-VALUE}.")
    int cloudPort = 8765;

    @Option(names = "--tls", description = "Connect with TLS (wss://), checking the coordinator's certificate and host name.")
    boolean tls;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "Trust only the certificates in this PEM file (a private CA "
            + "or a self-signed coordinator certificate) instead of the system's authorities.")
    Path tlsCa;

    @Option(names = "--peer-id", description = "Id to register as. Default: a saved id like peer_<host>_<digits>.")
    String peerId;

    @Option(names = "--workers", description = "Tasks run at once. Default: one per core (${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--state-dir", description = "Where the id and token are kept. Default: $P2C2R_HOME or ~/.p2c2r.")
    Path stateDir;

    @Option(names = "--stats-interval", description = "Seconds between statistics blocks. Default: ${DEFAULT-VALUE}.")
    long statsInterval = 30;

    @Option(names = "--report-bench", description = "Bench each algorithm once at start and report the figures when registering.")
    boolean reportBench;

    @Option(names = "--max-cpu-percent", paramLabel = "PERCENT", description = "Use at most this share of all cores for "
            + "compute (1-100): that many threads, and below one core a duty cycle. Default: no cap.")
    Integer maxCpuPercent;

    @Option(names = "--schedule", paramLabel = "RANGES", description = "Work only in these local-time ranges, e.g. "
            + "22:00-08:00 or 09:00-12:00,14:00-17:00 (a range may cross midnight). Default: always.")
    String schedule;

    @Option(names = "--pause-when-busy", paramLabel = "PERCENT", description = "Pause while other programs use more than "
            + "this share of all CPUs (1-100; read from /proc/stat, Linux only). Default: never.")
    Integer pauseWhenBusy;

    @Option(names = "--low-priority", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compute threads at low priority (Java MIN_PRIORITY; nice 19 on Linux). Default: on.")
    boolean lowPriority;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PeerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (cloudIp == null) {
            spec.commandLine().getErr().println("peer: --cloud-ip is required (the coordinator's host); see --help");
            return 2;
        }
        PeerNode.Config config;
        Controls controls;
        try {
            controls = controls(out);
            URI uri = CloudUri.of(cloudIp, cloudPort, tls || tlsCa != null);
            config = new PeerNode.Config(uri, peerId, new IdentityStore(stateDir != null ? stateDir : IdentityStore.defaultDir()),
                    workers, Duration.ofSeconds(10), Duration.ofSeconds(statsInterval), Duration.ofSeconds(30),
                    reportBench ? quickBench(out) : Map.of(), controls, tlsCa);
            if ("wss".equals(uri.getScheme())) {
                ClientTls.socketFactory(tlsCa); // a CA file that cannot be read is a usage error, now
            }
        } catch (IllegalArgumentException | P2c2rException e) {
            spec.commandLine().getErr().println("peer: " + e.getMessage());
            return 2;
        }
        out.println(" P2C2R PEER NODE " + Version.get());
        out.println("==================================================");
        out.println(" Algorithms: " + ExecutorRegistry.builtIn().versions().keySet());
        out.flush();
        PeerNode node = PeerNode.start(config, out);
        int cores = Runtime.getRuntime().availableProcessors();
        out.println(" CPU: " + node.cpuCap().describe(cores) + (node.cpuCap().slots() < workers
                ? " (--workers " + workers + " lowered to fit the cap)" : ""));
        out.println(" Priority: " + node.lowPriority().describe());
        out.println(" Schedule: " + (schedule == null ? "always" : controls.schedule() + " local time")
                + " | Pause when busy: " + (pauseWhenBusy == null ? "off" : "above " + pauseWhenBusy + "% by other programs"));
        out.println(" Status file: " + node.statusFile() + " (java -jar peer.jar status)");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(" Stopping: handing running tasks back to the coordinator...");
            out.flush();
            node.close();
            out.print(node.stats().render());
            out.flush();
        }, "p2c2r-peer-shutdown"));
        while (!node.awaitStopped(1, TimeUnit.HOURS)) {
            // Runs until Ctrl-C (the hook closes the node) or the coordinator refuses this identity.
        }
        return node.refused() ? 3 : 0;
    }

    private Controls controls(PrintWriter out) {
        Controls c = Controls.NONE.withLowPriority(lowPriority).withMaxCpuPercent(maxCpuPercent);
        if (schedule != null) {
            c = c.withSchedule(Schedule.parse(schedule));
        }
        if (pauseWhenBusy != null) {
            ProcCpuSampler sampler = new ProcCpuSampler();
            if (sampler.available()) {
                c = c.withPauseWhenBusy(pauseWhenBusy, sampler);
            } else {
                out.println("⚠️  --pause-when-busy is unavailable on " + System.getProperty("os.name")
                        + ": it reads /proc/stat, which only Linux has. The peer runs without it.");
                pauseWhenBusy = null;
            }
        }
        if (workers < 1 || workers > Capabilities.MAX_SLOTS) {
            throw new IllegalArgumentException("--workers " + workers + " is out of range [1, " + Capabilities.MAX_SLOTS + "]");
        }
        return c;
    }

    private static Map<String, Double> quickBench(PrintWriter out) {
        out.println(" Measuring this host (one run of each algorithm's seed example)...");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        try {
            ExecutionContext ctx = new PoolContext(pool, Runtime.getRuntime().availableProcessors(), () -> false);
            Map<String, Double> figures = new TreeMap<>();
            new BenchRunner(ExecutorRegistry.builtIn(), out).run(java.util.Set.of(), 1, ctx, true)
                    .forEach(m -> figures.putIfAbsent(m.type().wireName(), m.medianMs()));
            return figures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reports the build's version. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"P2C2R peer " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
