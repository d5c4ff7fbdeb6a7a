package io.p2c2r.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact output of every bench case of all nine types at their current versions. Results are cached,
 * compared between peers and billed by type, data and version, so an output change without a version bump would
 * serve stale answers and make honest peers disagree: when this test fails on purpose, bump the changed type's
 * version and renew the digests (the failure message prints the current ones). The same digests must come from
 * four threads in this JVM and from one thread in a fresh JVM with other JIT settings, started in the
 * background while this JVM computes.
 */
class GoldenTest {
    private static final Map<String, String> PINNED = new TreeMap<>(Map.ofEntries(
            Map.entry("ai_npc_dialogue 2.0.0 player line", "f8fc9a59eefcd15681ae0fb8"),
            Map.entry("ai_npc_dialogue 2.0.0 seed", "7c0a3a435c86ba41736ea649"),
            Map.entry("ai_npc_dialogue 2.0.0 with history", "06e938c7a31866d540000eb4"),
            Map.entry("ai_pathfinding 2.0.0 256 agents 256x256 20%", "84b84615217d801b938aed34"),
            Map.entry("ai_pathfinding 2.0.0 open 1024x1024 corner", "a6eeb7de7268b86811c3c454"),
            Map.entry("ai_pathfinding 2.0.0 seed", "46ec609388a8cfe92d2b938a"),
            Map.entry("ai_pathfinding 2.0.0 walls 1024x1024 corner", "34608231eb2f260a59cbaa18"),
            Map.entry("ai_procedural 2.0.0 cave 512x512", "07551339898d9e799c87d0d5"),
            Map.entry("ai_procedural 2.0.0 dungeon 512x512", "ba2854423cb38a1ccef7bf23"),
            Map.entry("ai_procedural 2.0.0 seed", "1ae8a142716253b5b694e886"),
            Map.entry("ai_procedural 2.0.0 terrain 512x512 + png", "c047386002d099cee980aab2"),
            Map.entry("ai_procedural 2.0.0 terrain 512x512", "f1fbac625d442fa4feb1b7f0"),
            Map.entry("physics_destruction 2.2.0 1000 fragments", "5c203fdcf12117f2b3da71e1"),
            Map.entry("physics_destruction 2.2.0 200 fragments simulated 120 steps", "b30ee70ab2435e314acc90ba"),
            Map.entry("physics_destruction 2.2.0 seed", "e5a913fa5cd233e96f121989"),
            Map.entry("physics_fluid 2.0.0 16^3 x 50 steps viscous", "d2808dafe994589c949151e7"),
            Map.entry("physics_fluid 2.0.0 64^3 x 10 steps", "325a5652e841426e605850c0"),
            Map.entry("physics_fluid 2.0.0 seed", "cf0e7fa6def0eccc45632c61"),
            Map.entry("physics_rigid_body 2.2.0 1000 bodies x 600 steps", "5837c2a7e530207444ed0477"),
            Map.entry("physics_rigid_body 2.2.0 200 bodies x 200 steps", "8dc37ddf8abafc50bb6c2326"),
            Map.entry("physics_rigid_body 2.2.0 seed", "2efa2fde82d7ef6f9e756e66"),
            Map.entry("rt_global_illumination 2.0.0 160x90 16spp 12 bounces", "7bdae19f282e9d0f79a989ac"),
            Map.entry("rt_global_illumination 2.0.0 rays/s 320x180 16spp 4 bounces", "060ca0e9e6181e05a81aad81"),
            Map.entry("rt_global_illumination 2.0.0 seed 256x256 100spp", "454dc7b8d1f07834192db1e0"),
            Map.entry("rt_reflections 2.0.0 1920x1080 4 bounces 4 lights", "f88a90be2d31ce823002f998"),
            Map.entry("rt_reflections 2.0.0 640x360 direct light only", "7446125986526b72e41d8d04"),
            Map.entry("rt_reflections 2.0.0 seed 1920x1080", "55fde7f164980e95cc3e2a50"),
            Map.entry("rt_shadows 2.0.0 low 640x360 1 light", "8b15a479714edcefb1c679f8"),
            Map.entry("rt_shadows 2.0.0 seed 640x360 medium", "2924d7e9f72ea8ccaec34fe3"),
            Map.entry("rt_shadows 2.0.0 ultra 640x360", "2176227b1b9d6c96a56c6bfc")
    ));
    /** C2 without auto-vectorisation and without tiered compilation, and another collector. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:-TieredCompilation", "-XX:-UseSuperWord", "-XX:+UseSerialGC");

    private static Process child;
    private static Path childOut;
    private static Path childErr;

    @BeforeAll
    static void startFreshJvm() throws IOException {
        childOut = Files.createTempFile("p2c2r-golden", ".out");
        childErr = Files.createTempFile("p2c2r-golden", ".err");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchRuns.class.getName());
        child = new ProcessBuilder(command).redirectOutput(childOut.toFile()).redirectError(childErr.toFile()).start();
    }

    @AfterAll
    static void stopFreshJvm() throws IOException {
        if (child.isAlive()) {
            child.destroyForcibly();
        }
        Files.deleteIfExists(childOut);
        Files.deleteIfExists(childErr);
    }

    @Test
    void benchCases_onFourThreads_matchTheirPinnedDigests() throws InterruptedException {
        assertDigests(BenchRuns.digests(BenchRuns.fourThreads()), "four threads");
    }

    @Test
    void benchCases_inAFreshJvmOnOneThread_matchTheirPinnedDigests() throws Exception {
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the fresh JVM did not finish within 300 s");
        String err = Files.readString(childErr, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "the fresh JVM failed: " + err);
        Map<String, String> digests = new TreeMap<>();
        for (String line : Files.readAllLines(childOut, StandardCharsets.UTF_8)) {
            String[] kv = line.split("\t");
            digests.put(kv[0], kv[1]);
        }
        assertDigests(digests, "one thread in a fresh JVM " + CHILD_JVM_OPTIONS + (err.isBlank() ? "" : ", stderr: " + err));
    }

    private static void assertDigests(Map<String, String> actual, String where) {
        StringBuilder current = new StringBuilder();
        actual.forEach((k, v) -> current.append("\n            Map.entry(\"").append(k).append("\", \"").append(v).append("\"),"));
        assertEquals(PINNED, actual, "bench output changed (" + where + "): if on purpose, bump the version of each"
                + " changed type (results are cached and compared by version) and pin the new digests:" + current);
    }
}
