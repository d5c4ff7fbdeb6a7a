package io.p2c2r.gamer;

import io.p2c2r.common.Version;
import io.p2c2r.common.money.Money;
import io.p2c2r.client.P2c2rClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code java -jar gamer.jar}: rent compute for game work, interactively or from scripts. */
@Command(name = "gamer", mixinStandardHelpOptions = true, versionProvider = GamerMain.VersionInfo.class, sortOptions = false,
        subcommands = {SubmitCommand.class, LoadBenchCommand.class},
        description = "The P2C2R gamer client. With no arguments, the interactive menu of the nine game tasks " +
                "(AI, ray tracing, physics); --auto runs all nine and exits. Results are printed with " +
                "latency, processing time and cost; images are saved to files. 'submit' and 'bench' are for " +
                "scripts. Exit codes: 0 ok, 1 a task failed, 2 usage error, 3 cannot reach or register with " +
                "the coordinator.")
public final class GamerMain implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--auto", description = "Run the auto demo (all nine tasks) and exit.")
    boolean auto;

    @Option(names = "--local-gpu-rate", defaultValue = "2.00", description = "What a local GPU costs per hour of "
            + "compute, in USD, for the savings line. Default: ${DEFAULT-VALUE}.")
    String localGpuRate;

    @Option(names = "--output-dir", scope = ScopeType.INHERIT, defaultValue = "p2c2r-output",
            description = "Where images and large results are saved, named by task type and task. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--json", description = "Print each result's full JSON instead of a short summary.")
    boolean json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GamerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!auto && System.console() == null) {
            err.println("gamer: no console to read a menu choice from; use --auto, 'submit' or 'bench' (see --help)");
            return 2;
        }
        Money gpu;
        P2c2rClient.Options options;
        try {
            gpu = Money.parseUsd(localGpuRate);
            options = connection.toClientOptions();
        } catch (IllegalArgumentException e) {
            err.println("gamer: " + e.getMessage());
            return 2;
        }
        out.println(" P2C2R GAMER CLIENT " + Version.get() + (auto ? " - Auto Demo" : " - Interactive Demo"));
        out.println("==================================================");
        out.println(" Connecting to cloud at " + options.cloud() + "...");
        out.flush();
        try (P2c2rClient client = connection.connect(options, err)) {
            if (client == null) {
                return 3;
            }
            var reg = client.registration();
            out.println("✅ Connected! Registered as: " + reg.id() + "\n Price: " + Money.parseUsd(reg.gamerRateUsdPerHour()).format(4)
                    + " per compute-hour (peers earn " + Money.parseUsd(reg.peerRateUsdPerHour()).format(2) + ", fee "
                    + reg.feePercent() + "%)");
            DemoSession session = new DemoSession(client, out, new ResultPrinter(new OutputFiles(outputDir), json), gpu);
            // Ctrl-C ends the JVM wherever it is (at the menu, mid-task): the summary still prints, once.
            Thread summaryOnExit = new Thread(session::summary, "p2c2r-gamer-summary");
            Runtime.getRuntime().addShutdownHook(summaryOnExit);
            boolean ok = true;
            if (auto) {
                ok = session.runAll();
            } else {
                session.menu(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            }
            try {
                Runtime.getRuntime().removeShutdownHook(summaryOnExit);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook prints it.
            }
            session.summary();
            return ok ? 0 : 1;
        } catch (java.io.IOException e) {
            err.println("gamer: cannot read the console: " + e.getMessage());
            return 2;
        }
    }

    /** Reports the build's version. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"P2C2R gamer " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
