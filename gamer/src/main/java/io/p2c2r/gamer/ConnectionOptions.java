package io.p2c2r.gamer;

import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.client.P2c2rClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where the gamer connects and as whom; shared by the menu and every subcommand. */
final class ConnectionOptions {
    @Option(names = "--cloud-ip", scope = ScopeType.INHERIT, description = "Coordinator host. Default: ${DEFAULT-VALUE}.")
    String cloudIp = "localhost";

    @Option(names = "--cloud-port", scope = ScopeType.INHERIT, description = "Coordinator port. Default: ${DEFAULT-VALUE}.")
    int cloudPort = 8765;

    @Option(names = "--gamer-id", scope = ScopeType.INHERIT, description = "Id to register as. Default: a saved id like gamer_<host>_<digits>.")
    String gamerId;

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, description = "Where the id and token are kept. Default: $P2C2R_HOME or ~/.p2c2r.")
    Path stateDir;

    @Option(names = "--connect-timeout", scope = ScopeType.INHERIT, description = "Seconds to wait for the coordinator. Default: ${DEFAULT-VALUE}.")
    long connectTimeout = 10;

    P2c2rClient.Options toClientOptions() {
        try {
            URI uri = new URI("ws", null, cloudIp, cloudPort, "/", null, null);
            return new P2c2rClient.Options(uri, gamerId, new IdentityStore(stateDir != null ? stateDir : IdentityStore.defaultDir()),
                    Duration.ofSeconds(connectTimeout));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--cloud-ip '" + cloudIp + "' is not a host name: " + e.getMessage());
        }
    }
}
