package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.peer.PeerNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database keeps tasks, results, peers and gamers, and a restarted coordinator carries on from it. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void tablesHoldTheRun_andSurviveARestart() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            PeerNode peer = net.peer("peer_keeper", 1);
            P2c2rClient gamer = net.gamer("gamer_keeper");
            TaskReply first = gamer.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData()).get(30, TimeUnit.SECONDS);
            assertTrue(first.ok());
            net.stopCoordinator();
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM tasks WHERE status = 'completed'"));
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM results"));
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM peers WHERE peer_id = 'peer_keeper'"));
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM gamers WHERE gamer_id = 'gamer_keeper'"));
            long earned = net.queryLong("SELECT total_earned_nanos + pending_nanos FROM peers WHERE peer_id = 'peer_keeper'");

            net.restartCoordinator();
            assertEquals(1, net.coordinator().snapshot().tasksStored());
            // The same identities, with their saved tokens, are accepted by the new coordinator.
            PeerNode again = net.peer("peer_keeper", 1);
            assertEquals(Money.ofNanos(earned).toUsdString(), again.registered().get().totalUsd());
            P2c2rClient gamerAgain = net.gamer("gamer_keeper");
            TaskReply cached = gamerAgain.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData()).get(30, TimeUnit.SECONDS);
            assertTrue(cached.result().cached(), "the stored result is served after a restart");
            assertEquals(first.result().result().text(), cached.result().result().text());
            peer.close();
        }
    }
}
