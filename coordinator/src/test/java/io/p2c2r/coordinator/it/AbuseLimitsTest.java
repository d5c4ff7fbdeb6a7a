package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.tools.RawWebSocket;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network layer's limits, each against the attack it answers (see the trials in issue 9). */
class AbuseLimitsTest {
    static final long MIB = 1 << 20;
    /** Raw peers here offer no algorithm, so that real tasks never wait on them. */
    static final String PEER_CAPS = ",\"capabilities\":{\"cores\":1,\"slots\":1,\"tasks\":{}}}";

    @TempDir
    Path dir;

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void assertStillServes(TestNetwork net, String id) throws Exception {
        net.peer("peer_" + id, 1);
        P2c2rClient gamer = net.gamer("gamer_" + id);
        TaskReply r = gamer.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData()).get(60, TimeUnit.SECONDS);
        assertTrue(r.ok(), r.result().error());
    }

    private static RawWebSocket registeredPeer(int port, String id) throws Exception {
        RawWebSocket s = RawWebSocket.websocket(port);
        s.sendText("{\"type\":\"register_peer\",\"peer_id\":\"" + id + "\"" + PEER_CAPS);
        assertTrue(s.readText().contains("\"registered\""));
        return s;
    }

    @Test
    void unregisteredConnectionsDeclaring15MiB_areClosedOnTheHeader_heapStaysFlat_andRealClientsStillConnect() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            long before = heapAfterGc();
            List<RawWebSocket> attackers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                RawWebSocket s = RawWebSocket.websocket(net.port());
                s.sendHeader(0x81, 15 * MIB);
                attackers.add(s);
            }
            for (RawWebSocket s : attackers) {
                int code = s.awaitClose();
                assertTrue(code == 1009 || code == -1, "close code " + code);
                s.close();
            }
            long grown = heapAfterGc() - before;
            // Without the guard each header would have made the server allocate 15 MiB: 4.4 GiB in all.
            assertTrue(grown < 256 * MIB, "heap grew by " + grown / MIB + " MiB");
            assertStillServes(net, "after_headers");
        }
    }

    @Test
    void registeredPeersDeclaring15MiB_areHeldOnlyWithinTheGlobalBudget_whichComesBackWhenTheyLeave() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.netLimits(c.netLimits().withPartialFrameBudget(64 * MIB)))) {
            long before = heapAfterGc();
            List<RawWebSocket> held = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 40; i++) {
                RawWebSocket s = registeredPeer(net.port(), "peer_big_" + i);
                s.sendHeader(0x81, 15 * MIB);
                int code = s.closedWithin(held.size() < 4 ? 1000 : 10_000);
                if (code == 0) {
                    held.add(s);
                } else {
                    assertTrue(code == 1009 || code == -1, "close code " + code);
                    refused++;
                    s.close();
                }
            }
            assertEquals(4, held.size(), "64 MiB holds four 15 MiB frames");
            assertEquals(36, refused);
            long grown = heapAfterGc() - before;
            assertTrue(grown < 64 * MIB + 128 * MIB, "heap grew by " + grown / MIB + " MiB");
            assertStillServes(net, "during_budget");
            for (RawWebSocket s : held) {
                s.close();
            }
            // The budget came back: a peer's real 10 MiB frame arrives whole and is answered.
            RawWebSocket peer = registeredPeer(net.port(), "peer_after");
            peer.sendText("{\"type\":\"task_result\",\"task_id\":\"task_none\",\"status\":\"completed\",\"result\":\""
                    + "x".repeat(10 << 20) + "\",\"result_sha256\":\"" + "0".repeat(64) + "\",\"processing_time_ms\":1}");
            String reply = peer.readText();
            assertTrue(reply.contains("\"" + ErrorCodes.TASK_NOT_HELD + "\""), reply);
        }
    }

    @Test
    void aGamersFrame_isBoundedByTaskDataPlusEnvelope_whileAPeersMayCarryAResult() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawWebSocket early = RawWebSocket.websocket(net.port());
            early.sendText("{\"type\":\"register_gamer\",\"gamer_id\":\"g\",\"pad\":\"" + "x".repeat(100_000) + "\"}");
            int earlyCode = early.awaitClose();
            assertTrue(earlyCode == 1009 || earlyCode == -1, "before registering, 64 KiB is the limit: " + earlyCode);
            RawClient gamer = net.raw();
            gamer.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_big_frame\"}");
            gamer.await(Registered.class, TestNetwork.WAIT);
            gamer.send("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(2 << 20) + "\"}");
            int code = gamer.closeCode.get(30, TimeUnit.SECONDS);
            assertTrue(code == 1009 || code == 1006, "close code " + code);
            RawWebSocket peer = registeredPeer(net.port(), "peer_big_frame");
            peer.sendText("{\"type\":\"task_result\",\"task_id\":\"task_none\",\"status\":\"completed\",\"result\":\""
                    + "x".repeat(2 << 20) + "\",\"result_sha256\":\"" + "0".repeat(64) + "\",\"processing_time_ms\":1}");
            assertTrue(peer.readText().contains(ErrorCodes.TASK_NOT_HELD));
        }
    }

    @Test
    void halfOpenConnections_countAgainstTheCap_andAreClosedAfterTheHandshakeTimeout() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.maxConnections(5)
                .netLimits(c.netLimits().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30))))) {
            List<RawWebSocket> halfOpen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                halfOpen.add(RawWebSocket.tcp(net.port()));
            }
            // Five half-open connections fill a cap of five: a real client is told to try later.
            RawClient refused = RawClient.attempt(net.port());
            assertEquals(1013, refused.closeCode.get(30, TimeUnit.SECONDS));
            for (RawWebSocket s : halfOpen) {
                assertEquals(-1, s.awaitClose(), "closed without a handshake, after the timeout");
                s.close();
            }
            RawClient after = net.raw();
            after.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_after_half_open\"}");
            after.await(Registered.class, TestNetwork.WAIT);
        }
    }

    @Test
    void pastTheCapPlusItsMargin_aTcpConnectionIsDroppedAtAccept() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.maxConnections(3))) {
            List<RawWebSocket> open = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                open.add(RawWebSocket.tcp(net.port())); // the cap of 3 and a margin of 3 for 1013 replies
            }
            try (RawWebSocket dropped = RawWebSocket.tcp(net.port())) {
                assertEquals(-1, dropped.closedWithin(10_000));
            }
            for (RawWebSocket s : open) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionThatNeverRegisters_isClosed1008_afterTheRegistrationTimeout() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.netLimits(c.netLimits()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1))))) {
            RawClient idle = net.raw();
            RawClient registered = net.raw();
            registered.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_prompt\"}");
            registered.await(Registered.class, TestNetwork.WAIT);
            assertEquals(1008, idle.closeCode.get(30, TimeUnit.SECONDS));
            registered.send("{\"type\":\"heartbeat\"}");
            assertEquals(ErrorCodes.WRONG_ROLE, registered.await(ErrorMessage.class, TestNetwork.WAIT).code(),
                    "the registered connection is still open");
        }
    }

    @Test
    void theCapPerAddress_dropsExtraConnectionsFromThatAddressOnly() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.netLimits(c.netLimits().withConnectionsPerAddress(3, true)))) {
            InetAddress crowded = InetAddress.getByName("127.0.0.2");
            List<RawWebSocket> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawWebSocket s = RawWebSocket.tcp(crowded, net.port());
                s.handshake();
                three.add(s);
            }
            try (RawWebSocket fourth = RawWebSocket.tcp(crowded, net.port())) {
                assertEquals(-1, fourth.closedWithin(10_000), "dropped at accept");
            }
            try (RawWebSocket other = RawWebSocket.tcp(InetAddress.getByName("127.0.0.3"), net.port())) {
                other.handshake();
                other.sendText("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_elsewhere\"}");
                assertTrue(other.readText().contains("\"registered\""));
            }
            for (RawWebSocket s : three) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionOverTheMessageRate_isToldRateLimited_andClosed1008() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.netLimits(c.netLimits().withMessageRate(50, 100)))) {
            RawClient peer = net.rawPeer("peer_chatty", 1);
            for (int i = 0; i < 300; i++) {
                peer.send("{\"type\":\"heartbeat\",\"running\":0}");
            }
            ErrorMessage e = peer.await(ErrorMessage.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.RATE_LIMITED, e.code());
            assertTrue(e.message().contains("more than 50 messages per second"), e.message());
            assertEquals(1008, peer.closeCode.get(30, TimeUnit.SECONDS));
            assertStillServes(net, "after_chatty");
        }
    }
}
