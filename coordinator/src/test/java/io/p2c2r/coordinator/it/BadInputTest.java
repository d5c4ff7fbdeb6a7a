package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.client.P2c2rClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets an error naming the problem, and the server stays up for everyone else. */
class BadInputTest {
    @TempDir
    Path dir;

    private static ErrorMessage send(RawClient c, String frame) throws InterruptedException {
        c.send(frame);
        return c.await(ErrorMessage.class, TestNetwork.WAIT);
    }

    @Test
    void malformedFrames_eachGetANamedError_andTheConnectionStaysUsable() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient c = net.raw();
            assertEquals(ErrorCodes.BAD_JSON, send(c, "{\"type\": \"register_gamer\", ").code());
            assertEquals(ErrorCodes.BAD_JSON, send(c, "{\"type\":\"heartbeat\"} trailing").code());
            assertEquals(ErrorCodes.BAD_JSON, send(c, "[1,2,3]").code());
            assertEquals(ErrorCodes.BAD_JSON, send(c, "{'type':'heartbeat'}").code());
            assertEquals(ErrorCodes.BAD_JSON, send(c, "[".repeat(5000) + "]".repeat(5000)).code());
            ErrorMessage unknown = send(c, "{\"type\":\"mine_bitcoin\"}");
            assertEquals(ErrorCodes.UNKNOWN_TYPE, unknown.code());
            assertTrue(unknown.message().contains("mine_bitcoin"), unknown.message());
            ErrorMessage missing = send(c, "{\"type\":\"register_peer\",\"capabilities\":{\"cores\":1,\"slots\":1,\"tasks\":{}}}");
            assertEquals(ErrorCodes.MISSING_FIELD, missing.code());
            assertTrue(missing.message().contains("peer_id"), missing.message());
            ErrorMessage range = send(c, "{\"type\":\"register_peer\",\"peer_id\":\"p\",\"capabilities\":{\"cores\":1,\"slots\":0,\"tasks\":{}}}");
            assertEquals(ErrorCodes.INVALID_FIELD, range.code());
            assertTrue(range.message().contains("capabilities.slots"), range.message());
            ErrorMessage typed = send(c, "{\"type\":\"register_gamer\",\"gamer_id\":{\"x\":1}}");
            assertEquals(ErrorCodes.INVALID_FIELD, typed.code());
            ErrorMessage early = send(c, "{\"type\":\"submit_task\",\"request_id\":\"r1\",\"task\":{\"type\":\"ai_pathfinding\",\"data\":{}}}");
            assertEquals(ErrorCodes.NOT_REGISTERED, early.code());

            c.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_after_errors\"}");
            assertEquals("gamer_after_errors", c.await(Registered.class, TestNetwork.WAIT).id());
        }
    }

    @Test
    void badTasks_areRefusedWithTheFieldNamed() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient c = net.raw();
            c.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_bad\"}");
            c.await(Registered.class, TestNetwork.WAIT);
            c.send("{\"type\":\"submit_task\",\"request_id\":\"a\",\"task\":{\"type\":\"ai_teleport\",\"data\":{}}}");
            GamerTaskResult unknown = c.await(GamerTaskResult.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.UNKNOWN_TASK_TYPE, unknown.code());
            assertEquals("a", unknown.requestId());
            c.send("{\"type\":\"submit_task\",\"request_id\":\"b\",\"task\":{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[5,-5]}}}");
            GamerTaskResult range = c.await(GamerTaskResult.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.INVALID_TASK, range.code());
            assertTrue(range.error().contains("data.end"), range.error());
            c.send("{\"type\":\"submit_task\",\"request_id\":\"c\",\"task\":{\"type\":\"ai_pathfinding\",\"data\":[1]}}");
            assertEquals(ErrorCodes.INVALID_FIELD, c.await(ErrorMessage.class, TestNetwork.WAIT).code());
        }
    }

    @Test
    void looselyTypedFields_areRefused_andTheValueIsShownAsSent() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient c = net.raw();
            c.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_loose\"}");
            c.await(Registered.class, TestNetwork.WAIT);
            String task = "\"task\":{\"type\":\"ai_pathfinding\",\"data\":{\"start\":[0,0],\"end\":[3,3]}}";
            ErrorMessage numberId = send(c, "{\"type\":\"submit_task\",\"request_id\":1," + task + "}");
            assertEquals("submit_task: request_id must be a string, not the number 1", numberId.message());
            ErrorMessage trueId = send(c, "{\"type\":\"submit_task\",\"request_id\":true," + task + "}");
            assertEquals("submit_task: request_id must be a string, not true", trueId.message());
            ErrorMessage textTimeout = send(c, "{\"type\":\"submit_task\",\"request_id\":\"a\"," + task + ",\"timeout_ms\":\"100\"}");
            assertEquals("submit_task: timeout_ms must be an integer, not the string \"100\"", textTimeout.message());
            assertEquals("a", textTimeout.requestId());
            ErrorMessage huge = send(c, "{\"type\":\"submit_task\",\"request_id\":\"b\"," + task + ",\"timeout_ms\":1e308}");
            assertEquals("submit_task: timeout_ms = '1e308' must be an integer in [1, 3600000]", huge.message());
            ErrorMessage twice = send(c, "{\"type\":\"submit_task\",\"request_id\":\"c\",\"request_id\":\"d\"," + task + "}");
            assertEquals(ErrorCodes.BAD_JSON, twice.code());
            assertEquals("malformed JSON: the name 'request_id' appears twice in the top-level object", twice.message());
            // Still usable afterwards.
            c.send("{\"type\":\"submit_task\",\"request_id\":\"e\",\"task\":{\"type\":\"ai_teleport\",\"data\":{}}}");
            assertEquals(ErrorCodes.UNKNOWN_TASK_TYPE, c.await(GamerTaskResult.class, TestNetwork.WAIT).code());
        }
    }

    @Test
    void frameOverTheLimit_closesThatConnection_only() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, cfg -> cfg.sizes(64 * 1024, 32 * 1024, 64 << 20))) {
            P2c2rClient bystander = net.gamer("gamer_bystander");
            RawClient c = net.raw();
            c.send("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(200_000) + "\"}");
            assertEquals(1009, c.closeCode.get(10, TimeUnit.SECONDS));
            assertTrue(bystander.isOpen());
            RawClient after = net.raw();
            after.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_after\"}");
            assertEquals("gamer_after", after.await(Registered.class, TestNetwork.WAIT).id());
        }
    }

    @Test
    void tooManyOpenTasks_areRefused_withTheLimitNamed() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, cfg -> cfg.maxOpenTasksPerGamer(3))) {
            P2c2rClient gamer = net.gamer("gamer_greedy");
            for (int i = 0; i < 3; i++) {
                gamer.submit("ai_pathfinding", "{\"start\":[0,0],\"end\":[" + (i + 3) + ",1]}", null);
            }
            var refused = gamer.submit("ai_pathfinding", "{\"start\":[0,0],\"end\":[9,1]}", null).get(30, TimeUnit.SECONDS);
            assertEquals(ErrorCodes.TOO_MANY_TASKS, refused.result().code());
            assertTrue(refused.result().error().contains("limit is 3"), refused.result().error());
        }
    }

    @Test
    void connectionsPastTheLimit_areToldToTryLater_andTheOthersKeepWorking() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, cfg -> cfg.maxConnections(2))) {
            P2c2rClient first = net.gamer("gamer_first");
            RawClient second = net.raw();
            second.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_second\"}");
            second.await(Registered.class, TestNetwork.WAIT);
            RawClient third = RawClient.attempt(net.port());
            assertEquals(1013, third.closeCode.get(10, TimeUnit.SECONDS));
            second.closeBlocking();
            // The coordinator logs the disconnect after it has counted the connection as gone.
            net.awaitLog("Gamer disconnected: gamer_second");
            RawClient fourth = net.raw();
            fourth.send("{\"type\":\"register_gamer\",\"gamer_id\":\"gamer_fourth\"}");
            assertEquals("gamer_fourth", fourth.await(Registered.class, TestNetwork.WAIT).id());
            assertTrue(first.isOpen());
        }
    }
}
