package io.p2c2r.coordinator;

import io.p2c2r.common.Version;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.money.Rates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import io.p2c2r.coordinator.core.SplitRules;
import io.p2c2r.coordinator.trust.TrustPolicy;
import java.util.concurrent.atomic.AtomicReference;
import io.p2c2r.coordinator.http.HttpViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar coordinator.jar}: runs a coordinator until interrupted (Ctrl-C). */
@Command(name = "coordinator", mixinStandardHelpOptions = true, versionProvider = CoordinatorMain.VersionInfo.class,
        sortOptions = false, subcommands = ReportCommand.class,
        description = "The P2C2R cloud coordinator: accepts peers (contributors) and gamers (renters) over " +
                "WebSockets, routes each task to a peer by trust and measured speed, checks peers' results " +
                "(a second peer recomputes every result of a peer not yet trusted, and a sample of trusted " +
                "peers' results), stores every task and result in SQLite, serves verified work from a 24-hour " +
                "cache for free, and keeps the books (peers earn once their results are verified or their hold " +
                "window passes, gamers pay, the coordinator keeps its fee). Stop it with Ctrl-C; queued writes " +
                "are flushed first.")
public final class CoordinatorMain implements Callable<Integer> {
    /** The exit status when the WebSocket listener stopped by itself (EX_SOFTWARE). */
    public static final int EXIT_LISTENER_DIED = 70;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "TCP port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port = 8765;

    @Option(names = "--host", description = "Address to bind. Default: ${DEFAULT-VALUE} (all interfaces).")
    String host = "0.0.0.0";

    @Option(names = "--db", description = "SQLite database file, created if missing. Default: ${DEFAULT-VALUE}.")
    Path db = Path.of("p2c2r_cloud.db");

    @Option(names = "--peer-rate", description = "What a peer earns per compute-hour, in USD. Default: ${DEFAULT-VALUE}.")
    String peerRate = "0.15";

    @Option(names = "--fee", description = "Coordinator fee, percent of what the gamer pays. Default: ${DEFAULT-VALUE}.")
    String fee = "10";

    @Option(names = "--cache-hours", description = "How long a result is served from cache. Default: ${DEFAULT-VALUE}.")
    long cacheHours = 24;

    @Option(names = "--task-timeout", description = "Seconds a task may take, queueing included, unless the gamer sets timeout_ms. Default: ${DEFAULT-VALUE}.")
    long taskTimeout = 300;

    @Option(names = "--execution-timeout", description = "Seconds a peer has to answer before its task goes to another peer. Default: ${DEFAULT-VALUE}.")
    long executionTimeout = 120;

    @Option(names = "--max-attempts", description = "Peers a task is tried on before it fails. Default: ${DEFAULT-VALUE}.")
    int maxAttempts = 3;

    @Option(names = "--max-open-per-gamer", description = "Queued plus running tasks allowed per gamer. Default: ${DEFAULT-VALUE}.")
    int maxOpenPerGamer = 256;

    @Option(names = "--trust-threshold", description = "Consecutive results of a type that must agree with other peers' "
            + "before a peer is trusted for that type; until then every result it returns is checked on a second peer. "
            + "0 trusts every peer from the start. Default: ${DEFAULT-VALUE}.")
    int trustThreshold = 10;

    @Option(names = "--audit-rate", description = "Percent of a trusted peer's results still checked, at the least "
            + "(the rate starts at 100%% and falls as its record grows). Default: ${DEFAULT-VALUE}.")
    String auditRate = "5";

    @Option(names = "--untrusted-daily-cap", description = "Tasks of a type an untrusted peer may start per day. Default: ${DEFAULT-VALUE}.")
    int untrustedDailyCap = 500;

    @Option(names = "--hold-hours", description = "Hours a peer's earning stays pending when no check decides it sooner. "
            + "Default: ${DEFAULT-VALUE}.")
    double holdHours = 24;

    @Option(names = "--spot-check-minutes", description = "Minutes between known-answer checks sent to an idle peer "
            + "(0: none). Default: ${DEFAULT-VALUE}.")
    double spotCheckMinutes = 5;

    @Option(names = "--same-host-quorum", description = "Let two peer ids behind one address agree on a result. Off by "
            + "default, so that one machine cannot vouch for itself; turn it on for a LAN, for peers on this machine, or "
            + "behind a TCP tunnel such as ngrok, where every peer appears at the tunnel's address.")
    boolean sameHostQuorum;

    @Option(names = "--auto-split-above", paramLabel = "UNITS", description = "Cut a render whose work bound exceeds this "
            + "many ray-equivalents into tiles run on several peers at once, unless the gamer says split 1 (0: only when "
            + "asked). Default: ${DEFAULT-VALUE} (about 10 s on a 2-core peer).")
    long autoSplitAbove = SplitRules.defaults().autoAboveUnits();

    @Option(names = "--stats-interval", description = "Seconds between network stats blocks, printed only when something changed. Default: ${DEFAULT-VALUE}.")
    long statsInterval = 10;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve wss:// only, with this certificate chain "
            + "(PEM, leaf first: certbot's fullchain.pem). Needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert (unencrypted PKCS#8 PEM, "
            + "RSA or EC: certbot's privkey.pem).")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "P12", description = "Serve wss:// only, with the key and chain in this "
            + "PKCS#12 file. Its password: --tls-keystore-password or $P2C2R_TLS_KEYSTORE_PASSWORD.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", description = "Password of --tls-keystore (visible to other local users "
            + "in the process list; prefer the environment variable).")
    String tlsKeystorePassword;

    @Option(names = "--max-connections", description = "Connections held at once, half-open ones included. Default: ${DEFAULT-VALUE}.")
    int maxConnections = 10_000;

    @Option(names = "--max-connections-per-address", description = "Connections from one remote address. Default: ${DEFAULT-VALUE}.")
    int maxPerAddress = 100;

    @Option(names = "--limit-loopback", description = "Apply per-address limits to 127.0.0.1 too (off by default: behind a "
            + "local tunnel or proxy every client has that address).")
    boolean limitLoopback;

    @Option(names = "--max-messages-per-second", description = "Messages per connection per second (bursts of twice that). "
            + "Default: ${DEFAULT-VALUE}.")
    int messagesPerSecond = 1000;

    @Option(names = "--http-port", paramLabel = "N", description = "Serve /metrics (Prometheus) and /api/* (JSON, "
            + "read-only) on this port (0 = any free port). Off when not given.")
    Integer httpPort;

    @Option(names = "--http-host", description = "Address the HTTP side binds. Default: ${DEFAULT-VALUE} (this machine "
            + "only; put a reverse proxy with authentication in front to expose it).")
    String httpHost = "127.0.0.1";

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", split = ",", description = "Browser pages that may connect "
            + "to the task port, as their origin (https://game.example.com, http://localhost:9100), or * for any. "
            + "Connections without an Origin header (programs, peers) are always accepted; browsers' are refused unless "
            + "listed. Repeatable or comma-separated.")
    java.util.List<String> allowOrigins = new java.util.ArrayList<>();

    @Option(names = "--quiet", description = "Print only warnings and errors.")
    boolean quiet;

    @Option(names = "--log-level", description = "error, warn, info or debug. Default: ${DEFAULT-VALUE}.")
    String logLevel = "info";

    private CoordinatorConfig.Checking checking() {
        double audit;
        try {
            audit = Double.parseDouble(auditRate) / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--audit-rate '" + auditRate + "' is not a percentage");
        }
        if (holdHours <= 0 || !Double.isFinite(holdHours)) {
            throw new IllegalArgumentException("--hold-hours " + holdHours + " must be positive");
        }
        if (spotCheckMinutes < 0 || !Double.isFinite(spotCheckMinutes)) {
            throw new IllegalArgumentException("--spot-check-minutes " + spotCheckMinutes + " must be zero or positive");
        }
        TrustPolicy d = TrustPolicy.defaults();
        TrustPolicy policy = new TrustPolicy(trustThreshold, audit, untrustedDailyCap, d.untrustedMaxRunning(), sameHostQuorum,
                d.maxRunsPerTask());
        return CoordinatorConfig.Checking.defaults().withPolicy(policy)
                .withHoldWindow(Duration.ofMillis(Math.round(holdHours * 3_600_000)))
                .withSpotCheckInterval(Duration.ofMillis(Math.round(spotCheckMinutes * 60_000)));
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CoordinatorMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CoordinatorConfig config;
        Console console;
        try {
            Rates rates = new Rates(Money.parseUsd(peerRate), Rates.parseFeePercent(fee));
            NetLimits limits = NetLimits.defaults().withConnectionsPerAddress(maxPerAddress, limitLoopback)
                    .withMessageRate(messagesPerSecond, 2 * messagesPerSecond).withAllowedOrigins(allowOrigins);
            config = CoordinatorConfig.builder().listen(host, port).database(db).rates(rates).tls(tls())
                    .maxConnections(maxConnections).netLimits(limits)
                    .cacheTtl(Duration.ofHours(cacheHours))
                    .timeouts(Duration.ofSeconds(taskTimeout), Duration.ofSeconds(executionTimeout), maxAttempts)
                    .maxOpenTasksPerGamer(maxOpenPerGamer).statsInterval(Duration.ofSeconds(statsInterval))
                    .checking(checking()).split(new SplitRules(autoSplitAbove, SplitRules.defaults().unitsPerTile(),
                            SplitRules.defaults().maxPixelsInFlight())).build();
            console = new Console(out, quiet ? Console.Level.WARN : Console.Level.parse(logLevel));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("coordinator: " + e.getMessage());
            return 2;
        }
        // The hook is in place before the coordinator starts: an exit at any moment after that closes it cleanly.
        AtomicReference<Coordinator> running = new AtomicReference<>();
        AtomicReference<HttpViews> http = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            HttpViews h = http.get();
            if (h != null) {
                h.close();
            }
            Coordinator c = running.get();
            if (c != null) {
                console.info(" Shutting down: flushing the database...");
                c.close();
            }
            stopped.countDown();
        }, "p2c2r-shutdown"));
        Coordinator coordinator;
        try {
            // A listener that stopped by itself accepts nobody: exit, and let the supervisor start a fresh one.
            coordinator = Coordinator.start(config, console, why -> {
                console.error(why + "; exiting with status " + EXIT_LISTENER_DIED + " so that a supervisor restarts it");
                System.exit(EXIT_LISTENER_DIED);
            });
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("coordinator: " + e.getMessage());
            return 1;
        }
        running.set(coordinator);
        if (httpPort != null) {
            try {
                http.set(HttpViews.start(coordinator, httpHost, httpPort));
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("coordinator: " + e.getMessage());
                return 1; // the shutdown hook closes the coordinator
            }
        }
        Rates r = config.rates();
        // The banner always prints, even with --quiet: it says which port was bound.
        out.print(String.format("  P2C2R CLOUD COORDINATOR %s%n==================================================%n"
                        + " Starting server on %s:%d%s%n%s Database: %s (%d tasks, %d peers, %d gamers%s)%n"
                        + " Rates: Peer earns %s/hr, Gamer pays %s/hr, fee %s%%%n"
                        + " Checks: trusted after %d agreeing results, audits down to %s%%%s%n"
                        + "==================================================%n%n",
                Version.get(), host, coordinator.port(), config.tls() != null ? " (TLS: wss:// only, " + config.tls() + ")" : "",
                http.get() == null ? "" : String.format(" HTTP: http://%s:%d/metrics and /api/status%n", httpHost, http.get().port()),
                db, coordinator.snapshot().tasksStored(),
                coordinator.snapshot().peers().size(), coordinator.snapshot().gamers().size(),
                coordinator.snapshot().interruptedTasks() > 0
                        ? "; " + coordinator.snapshot().interruptedTasks() + " left open by the last run marked interrupted" : "",
                r.peerPerHour().format(2), r.gamerPerHour().format(4), r.feePercent(), trustThreshold, auditRate,
                sameHostQuorum ? ", peers on one host may agree" : ""));
        out.flush();
        stopped.await();
        return 0;
    }

    /** The TLS options as settings, or null when none was given. */
    private TlsSettings tls() {
        if (tlsCert == null && tlsKey == null && tlsKeystore == null) {
            return null;
        }
        if (tlsKeystore != null) {
            String password = tlsKeystorePassword != null ? tlsKeystorePassword : System.getenv("P2C2R_TLS_KEYSTORE_PASSWORD");
            return TlsSettings.keystore(tlsKeystore, password == null ? new char[0] : password.toCharArray());
        }
        return new TlsSettings(tlsCert, tlsKey, null, null);
    }

    /** Reports the build's version. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"P2C2R coordinator " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
