package io.p2c2r.executors.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.executors.BenchCase;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact output of every AI bench case at the current versions. Results are cached by type, data
 * and version, so an output change without a version bump would serve stale answers: when this test
 * fails on purpose, bump the executor's version and update the digests.
 */
class AiGoldenTest {
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("ai_npc_dialogue 1.0.0 player line", "45bd7327d7fc68f11f410032"),
            Map.entry("ai_npc_dialogue 1.0.0 seed", "efb98e8dec6db1f074de32cf"),
            Map.entry("ai_npc_dialogue 1.0.0 with history", "b9d0a6f3ad5e93fff158bc76"),
            Map.entry("ai_pathfinding 1.0.0 256 agents 256x256 20%", "bed296b2f8c60cdcfd37340e"),
            Map.entry("ai_pathfinding 1.0.0 open 1024x1024 corner", "4fb3fc86cd887f91bb8c4c77"),
            Map.entry("ai_pathfinding 1.0.0 seed", "69f1cd141289ca28b07423e7"),
            Map.entry("ai_pathfinding 1.0.0 walls 1024x1024 corner", "68a959487fe5b95c2bf67390"),
            Map.entry("ai_procedural 1.1.0 cave 512x512", "7c6292a6c887a2332243d5f1"),
            Map.entry("ai_procedural 1.1.0 dungeon 512x512", "b8d2f3346dda3ca94b78ce7d"),
            Map.entry("ai_procedural 1.1.0 seed", "c3a9fd3d51a2017fbb6994d0"),
            Map.entry("ai_procedural 1.1.0 terrain 512x512", "5bf40a442cce8d61ac951866"),
            Map.entry("ai_procedural 1.1.0 terrain 512x512 + png", "6be5e03ece93448b5eb55556")
    ));

    @Test
    void benchCaseOutputs_matchTheirPinnedDigests() throws NoSuchAlgorithmException {
        Map<String, String> actual = new TreeMap<>();
        for (TaskExecutor e : AiExecutors.all()) {
            for (BenchCase c : e.benchCases()) {
                Map<String, Object> result = e.execute(Codec.params(c.data()), ExecutionContext.sequential());
                String canonical = Codec.canonical(Codec.toRaw(result));
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
                actual.put(e.type().wireName() + " " + e.version() + " " + c.name(), HexFormat.of().formatHex(digest, 0, 12));
            }
        }
        StringBuilder report = new StringBuilder();
        actual.forEach((k, v) -> report.append("\n            Map.entry(\"").append(k).append("\", \"").append(v).append("\"),"));
        assertEquals(EXPECTED, actual, "output changed: bump the version; current digests:" + report);
    }
}
