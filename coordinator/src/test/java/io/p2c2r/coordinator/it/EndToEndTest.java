package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutorRegistry;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path: a gamer's tasks of all nine types go through the coordinator to real peers and back. */
class EndToEndTest {
    @TempDir
    Path dir;

    @Test
    void allNineTypes_completeOnPeers_orAreClearlyRefused() throws Exception {
        ExecutorRegistry registry = ExecutorRegistry.builtIn();
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_a", 2);
            P2c2rClient gamer = net.gamer("gamer_a");
            for (TaskType type : TaskType.values()) {
                TaskReply reply = gamer.submit(type, type.seedData()).get(120, TimeUnit.SECONDS);
                GamerTaskResult r = reply.result();
                if (registry.find(type).isPresent()) {
                    assertTrue(r.ok(), type + " failed: " + r.code() + " " + r.error());
                    assertEquals("peer_a", r.peerId());
                    assertFalse(r.cached());
                    assertTrue(r.result().text().length() > 2, type + " returned an empty result");
                    assertTrue(r.costNanos() >= 0);
                } else {
                    assertEquals(ErrorCodes.NOT_AVAILABLE, r.code(), type + ": " + r.error());
                    assertTrue(r.error().contains(type.wireName()), r.error());
                }
            }
        }
    }

    @Test
    void repeatedTask_isServedFromCache_free() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.peer("peer_a", 1);
            P2c2rClient gamer = net.gamer("gamer_a");
            // Same work written differently (key order, 5 vs 5.0) must hit the same cache entry.
            GamerTaskResult first = gamer.submit("ai_pathfinding", "{\"start\":[0,0],\"end\":[7,3],\"obstacles\":[[2,2]]}", null)
                    .get(30, TimeUnit.SECONDS).result();
            GamerTaskResult again = gamer.submit("ai_pathfinding", "{\"obstacles\":[[2,2]],\"end\":[7,3.0],\"start\":[0,0]}", null)
                    .get(30, TimeUnit.SECONDS).result();
            assertTrue(first.ok() && again.ok());
            assertFalse(first.cached());
            assertTrue(again.cached());
            assertEquals(0, again.costNanos());
            assertEquals("0.000000000", again.costUsd());
            assertEquals(first.result().text(), again.result().text());
        }
    }

    @Test
    void expiredCacheEntry_isNotServed_andTheWorkRunsAgain() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, c -> c.cacheTtl(java.time.Duration.ofMillis(1)))) {
            net.peer("peer_a", 1);
            P2c2rClient gamer = net.gamer("gamer_a");
            String data = TaskType.AI_PATHFINDING.seedData();
            GamerTaskResult first = gamer.submit("ai_pathfinding", data, null).get(30, TimeUnit.SECONDS).result();
            // Expiry is what is under test, so let the clock pass the 1 ms time-to-live.
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)).get();
            GamerTaskResult again = gamer.submit("ai_pathfinding", data, null).get(30, TimeUnit.SECONDS).result();
            assertTrue(first.ok() && again.ok());
            assertFalse(again.cached(), "a result older than the cache TTL is not served");
            assertEquals(2, again.attempts() + first.attempts());
        }
    }
}
