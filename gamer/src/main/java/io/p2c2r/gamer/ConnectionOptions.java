package io.p2c2r.gamer;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.net.CloudUri;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the gamer connects and as whom, shared by the menu and every subcommand, and the one place that connects
 * and explains a failure. Defaults are annotation attributes, so that usage shows them and not a value given on
 * the command line. One per command line.
 */
final class ConnectionOptions {
    @Option(names = "--cloud-ip", scope = ScopeType.INHERIT, defaultValue = "localhost",
            description = "Coordinator host, or a ws:// or wss:// URL. Default: ${DEFAULT-VALUE}.")
    String cloudIp;

    @Option(names = "--cloud-port", scope = ScopeType.INHERIT, defaultValue = "8765",
            description = "Coordinator port. Default: ${DEFAULT-VALUE}.")
    int cloudPort;

    @Option(names = "--tls", scope = ScopeType.INHERIT, description = "Connect with TLS (wss://), checking the coordinator's certificate and host name.")
    boolean tls;

    @Option(names = "--tls-ca", paramLabel = "PEM", scope = ScopeType.INHERIT, description = "Trust only the certificates in "
            + "this PEM file (a private CA or a self-signed coordinator certificate) instead of the system's authorities.")
    Path tlsCa;

    @Option(names = "--gamer-id", scope = ScopeType.INHERIT, description = "Id to register as. Default: a saved id like gamer_<host>_<digits>.")
    String gamerId;

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, description = "Where the id and token are kept. Default: $P2C2R_HOME or ~/.p2c2r.")
    Path stateDir;

    @Option(names = "--connect-timeout", scope = ScopeType.INHERIT, defaultValue = "10",
            description = "Seconds to wait for the coordinator to answer. Default: ${DEFAULT-VALUE}.")
    long connectTimeout;

    @Option(names = "--wait", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "-1", paramLabel = "SECONDS",
            description = "If nothing answers yet (the coordinator is still starting), keep trying for up to SECONDS; "
                    + "without a value, until Ctrl-C.")
    Long waitSeconds;

    /** Throws {@link IllegalArgumentException} naming the option that cannot be used. */
    P2c2rClient.Options toClientOptions() {
        if (connectTimeout < 1 || connectTimeout > 3600) {
            throw new IllegalArgumentException("--connect-timeout " + connectTimeout + " is out of range [1, 3600] seconds");
        }
        URI uri = CloudUri.of(cloudIp, cloudPort, tls || tlsCa != null);
        if (tlsCa != null && !Files.isReadable(tlsCa)) {
            throw new IllegalArgumentException("--tls-ca " + tlsCa + " cannot be read");
        }
        return new P2c2rClient.Options(uri, gamerId, new IdentityStore(stateDir != null ? stateDir : IdentityStore.defaultDir()),
                Duration.ofSeconds(connectTimeout), tlsCa);
    }

    /**
     * Connects and registers, retrying while nothing answers if {@code --wait} was given. On failure prints what
     * happened and what to do, and returns null.
     */
    P2c2rClient connect(P2c2rClient.Options options, PrintWriter err) throws InterruptedException {
        long deadline = waitSeconds == null ? 0 : waitSeconds < 0 ? Long.MAX_VALUE
                : System.nanoTime() + waitSeconds * 1_000_000_000L;
        long pauseMs = 500;
        boolean told = false;
        while (true) {
            try {
                return P2c2rClient.connect(options).get();
            } catch (ExecutionException e) {
                P2c2rException p = e.getCause() instanceof P2c2rException x ? x : new P2c2rException(P2c2rClient.CONNECT_FAILED,
                        String.valueOf(e.getCause()));
                boolean retry = waitSeconds != null && (P2c2rClient.UNREACHABLE.equals(p.code())
                        || P2c2rClient.CONNECT_TIMEOUT.equals(p.code()));
                if (!retry || (deadline != Long.MAX_VALUE && System.nanoTime() + pauseMs * 1_000_000 > deadline)) {
                    err.println("gamer: " + p.getMessage() + advice(p));
                    err.flush();
                    return null;
                }
                if (!told) {
                    err.println("gamer: " + p.getMessage() + "; waiting for a coordinator at " + options.cloud()
                            + (waitSeconds < 0 ? " (Ctrl-C to stop)" : " for up to " + waitSeconds + " s"));
                    err.flush();
                    told = true;
                }
                Thread.sleep(pauseMs); // the retry interval, not work: the coordinator is not there yet
                pauseMs = Math.min(pauseMs * 2, 5_000);
            }
        }
    }

    private String advice(P2c2rException p) {
        if (P2c2rClient.UNREACHABLE.equals(p.code()) && p.getMessage().startsWith("nothing listens")) {
            return ".\n  Start a coordinator there with: java -jar coordinator.jar --port " + cloudPort
                    + "\n  or point --cloud-ip/--cloud-port at a running one; --wait keeps trying until one answers.";
        }
        if (P2c2rClient.CONNECT_TIMEOUT.equals(p.code())) {
            return ".\n  Check --cloud-ip and --cloud-port; --connect-timeout SECONDS waits longer for a slow link.";
        }
        return "";
    }
}
