package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.peer.PeerNode;
import io.p2c2r.peer.controls.Controls;
import io.p2c2r.peer.controls.Schedule;
import io.p2c2r.peer.status.PeerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contributor's controls seen from the network: paused peers are routed around, stopping peers hand work back. */
class ContributorControlsTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand, so that a schedule is tested without waiting for the night. */
    static final class HandClock extends Clock {
        private volatile Instant now;

        HandClock(String instant) {
            now = Instant.parse(instant);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Submits seconds of ray tracing and returns once it runs on {@code peerId}, so it is mid-way when the test acts. */
    private static CompletableFuture<TaskReply> longTaskRunningOn(P2c2rClient gamer, String peerId) throws InterruptedException {
        CountDownLatch runningThere = new CountDownLatch(1);
        gamer.onProgress(a -> {
            if (peerId.equals(a.peerId())) {
                runningThere.countDown();
            }
        });
        CompletableFuture<TaskReply> reply = gamer.submit(TaskType.RT_GLOBAL_ILLUMINATION, TaskType.RT_GLOBAL_ILLUMINATION.seedData());
        assertTrue(runningThere.await(30, TimeUnit.SECONDS), "the task went to " + peerId);
        return reply;
    }

    @Test
    void pausedPeer_getsNoNewTasks_whileAnotherTakesThem_andWorksAgainWhenItsScheduleOpens() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            HandClock noon = new HandClock("2026-03-01T12:00:00Z");
            LogWatcher nightConsole = new LogWatcher();
            Controls nightOnly = Controls.NONE.withSchedule(Schedule.parse("22:00-08:00")).withClock(noon, Duration.ofMillis(100));
            PeerNode night = net.peer("peer_night", 2, nightOnly, nightConsole);
            assertTrue(night.pausedReason().contains("outside the schedule 22:00-08:00"), night.pausedReason());
            net.awaitLog("Peer peer_night paused: outside the schedule");
            PeerNode day = net.peer("peer_day", 1);
            P2c2rClient gamer = net.gamer("gamer_a");
            List<CompletableFuture<TaskReply>> replies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                replies.add(gamer.submit("ai_pathfinding", TestNetwork.path(i), null));
            }
            for (CompletableFuture<TaskReply> f : replies) {
                TaskReply r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.ok(), r.result().error());
                assertEquals("peer_day", r.result().peerId(), "the paused peer got no task");
            }
            assertEquals(0, night.stats().completed() + night.stats().failed() + night.stats().handedBackCount());
            PeerStatus paused = Codec.read(Files.readString(night.statusFile()), PeerStatus.class);
            assertEquals("paused", paused.state());

            noon.set("2026-03-01T23:00:00Z");
            nightConsole.await("Resumed").get(30, TimeUnit.SECONDS);
            net.awaitLog("Peer peer_night takes 2 of 2 slots");
            day.close();
            TaskReply r = gamer.submit("ai_pathfinding", TestNetwork.path(99), null).get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_night", r.result().peerId());
        }
    }

    @Test
    void peerClosedWithATaskRunning_handsItBack_andTheTaskCompletesElsewhere_billedOnce() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            PeerNode leaving = net.peer("peer_leaving", 1);
            CompletableFuture<TaskReply> reply = longTaskRunningOn(net.gamer("gamer_a"), "peer_leaving");
            net.peer("peer_stays", 1);
            leaving.close();
            net.awaitLog("peer peer_leaving handed it back (peer stopping)");

            TaskReply r = reply.get(120, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_stays", r.result().peerId());
            assertEquals(1, r.result().attempts(), "handing back is not a failed attempt");
            assertEquals(1, leaving.stats().handedBackCount());
            assertEquals(0, leaving.stats().failed(), "the task was handed back, not failed");
            PeerStatus stopped = Codec.read(Files.readString(leaving.statusFile()), PeerStatus.class);
            assertEquals("stopped", stopped.state());
            assertEquals("handed_back", stopped.recentTasks().get(0).outcome());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(1, net.queryLong("SELECT COUNT(*) FROM ledger WHERE task_id = '" + r.result().taskId() + "'"));
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger WHERE peer_id = 'peer_leaving'"));
        }
    }

    /** CPU figures the test controls: each sample adds 100 ticks, of which others use 90 while {@code busy} is set. */
    static final class HandSampler implements io.p2c2r.peer.controls.CpuSampler {
        final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        private long total;
        private long used;

        @Override
        public synchronized java.util.Optional<io.p2c2r.peer.controls.CpuTimes> sample() {
            total += 100;
            used += busy.get() ? 90 : 5;
            return java.util.Optional.of(new io.p2c2r.peer.controls.CpuTimes(total, used, 0));
        }
    }

    @Test
    void machineTurningBusy_pausesThePeer_whichHandsItsRunningTaskBack_notFailed() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            HandSampler cpu = new HandSampler();
            LogWatcher console = new LogWatcher();
            Controls whenQuiet = Controls.NONE.withPauseWhenBusy(50, cpu).withClock(Clock.systemUTC(), Duration.ofMillis(100));
            PeerNode owner = net.peer("peer_owner", 1, whenQuiet, console);
            CompletableFuture<TaskReply> reply = longTaskRunningOn(net.gamer("gamer_a"), "peer_owner");
            net.peer("peer_other", 1);
            cpu.busy.set(true);
            console.await("Paused: other programs use 90% of the CPU (limit 50%)").get(30, TimeUnit.SECONDS);
            TaskReply r = reply.get(120, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_other", r.result().peerId());
            assertEquals(1, r.result().attempts());
            assertEquals(1, owner.stats().handedBackCount());
            assertEquals(0, owner.stats().failed());
            cpu.busy.set(false);
            console.await("Resumed").get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void statusFile_ofAWorkingPeer_listsItsTasksAndEarnings() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            LogWatcher console = new LogWatcher();
            PeerNode peer = net.peer("peer_status", 1, Controls.NONE, console);
            P2c2rClient gamer = net.gamer("gamer_a");
            TaskReply r = gamer.submit("ai_pathfinding", TestNetwork.path(5), null).get(60, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            console.await("Earned:").get(30, TimeUnit.SECONDS);
            peer.close(); // the last write, synchronously
            PeerStatus s = Codec.read(Files.readString(peer.statusFile()), PeerStatus.class);
            assertEquals("peer_status", s.peerId());
            assertEquals(1, s.tasks().completed());
            PeerStatus.RecentTask t = s.recentTasks().get(0);
            assertEquals(r.result().taskId(), t.taskId());
            assertEquals("completed", t.outcome());
            assertNotNull(t.earnedUsd(), "the earning reached the task's line");
            assertEquals(s.earned().sessionUsd(), s.earned().totalUsd(), "a new id earned only this session");
            assertEquals(s.earned().sessionUsd(), s.earned().todayUsd());
        }
    }
}
