package io.p2c2r.examples;

import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.Coordinator;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.peer.PeerNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real coordinator (port 0, SQLite in a temp folder) and one real peer on 127.0.0.1, for the examples' tests. */
final class LocalNetwork implements AutoCloseable {
    private final Coordinator coordinator;
    private final PeerNode peer;

    LocalNetwork(Path dir) throws Exception {
        coordinator = Coordinator.start(CoordinatorConfig.builder().listen("127.0.0.1", 0).database(dir.resolve("cloud.db"))
                .statsInterval(Duration.ofHours(1)).build(), Console.silent());
        peer = PeerNode.start(new PeerNode.Config(cloud(), "peer_example", new IdentityStore(dir.resolve("peer")),
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMillis(200),
                Map.of()), new PrintWriter(Writer.nullWriter()));
        peer.registered().get(30, TimeUnit.SECONDS);
    }

    URI cloud() {
        return URI.create("ws://127.0.0.1:" + coordinator.port() + "/");
    }

    @Override
    public void close() {
        peer.close();
        coordinator.close();
    }
}
