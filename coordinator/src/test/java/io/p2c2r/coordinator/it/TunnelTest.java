package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.peer.PeerNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through a plain TCP forward (as with ngrok), and with a client that stops reading. */
class TunnelTest {
    @TempDir
    Path dir;

    @Test
    void peerAndGamer_workThroughATcpForward() throws Exception {
        try (TestNetwork net = new TestNetwork(dir); TcpForwarder tunnel = new TcpForwarder(net.port())) {
            URI viaTunnel = URI.create("ws://127.0.0.1:" + tunnel.port() + "/");
            try (PeerNode peer = PeerNode.start(new PeerNode.Config(viaTunnel, "peer_tunnel", new IdentityStore(dir.resolve("p")), 1,
                    Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMillis(500), Map.of()), new PrintWriter(PrintWriter.nullWriter()));
                 P2c2rClient gamer = P2c2rClient.connect(new P2c2rClient.Options(viaTunnel, "gamer_tunnel",
                         new IdentityStore(dir.resolve("g")), Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS)) {
                peer.registered().get(30, TimeUnit.SECONDS);
                TaskReply r = gamer.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData()).get(30, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
                assertEquals("peer_tunnel", r.result().peerId());
            }
        }
    }

    @Test
    void aGamerThatStopsReading_isCutOff_andEveryoneElseCarriesOn() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.sizes(1 << 20, 64 << 10, 1 << 20));
             TcpForwarder tunnel = new TcpForwarder(net.port())) {
            net.peer("peer_a", 2);
            P2c2rClient slow = P2c2rClient.connect(new P2c2rClient.Options(URI.create("ws://127.0.0.1:" + tunnel.port() + "/"),
                    "gamer_slow", new IdentityStore(dir.resolve("slow")), Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS);
            tunnel.pauseDownstream();
            // Each terrain result is a few hundred kB of heights: far more than socket buffers plus 1 MiB.
            List<CompletableFuture<TaskReply>> flood = new ArrayList<>();
            for (int seed = 0; seed < 60; seed++) {
                flood.add(slow.submit("ai_procedural", "{\"type\":\"terrain\",\"size\":[256,256],\"seed\":" + seed + "}", null));
            }
            net.awaitLog("Gamer disconnected: gamer_slow (code 1008, too slow");
            P2c2rClient other = net.gamer("gamer_fine");
            TaskReply r = other.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData()).get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            slow.close();
        }
    }
}
