package io.p2c2r.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.common.identity.IdentityStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameLoopTest {
    @TempDir
    Path dir;

    @Test
    void theLoopKeepsFraming_whileMapsPathsAndDialogueArrive_andEveryTaskCompletes() throws Exception {
        try (LocalNetwork net = new LocalNetwork(dir);
             P2c2rClient client = P2c2rClient.connect(new P2c2rClient.Options(net.cloud(), "gamer_loop",
                     new IdentityStore(dir.resolve("gamer")), Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS)) {
            List<String> hud = new ArrayList<>();
            GameLoop.Report r = new GameLoop(client, new GameLoop.Settings(60, Duration.ofSeconds(1), Duration.ofSeconds(4),
                    Duration.ofSeconds(60)), hud::add).run();
            assertEquals(Set.of("ai_npc_dialogue", "ai_pathfinding", "ai_procedural"), r.completed().keySet(), r.describe());
            assertEquals(r.submitted(), r.completed(), "every task submitted completed: " + r.describe());
            assertTrue(r.failed().isEmpty(), r.describe());
            assertTrue(r.framesIdle() > 0, "frames ran before any work: " + r.describe());
            assertTrue(r.framesWithWorkInFlight() > 0, "frames kept coming while answers were awaited: " + r.describe());
            assertTrue(hud.stream().anyMatch(l -> l.contains("level 1")), "a level was loaded: " + hud);
        }
    }
}
