package io.p2c2r.peer.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTrackerTest {
    @TempDir
    Path dir;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private StatusTracker tracker(Clock clock, List<String> problems) {
        return new StatusTracker(StatusTracker.fileFor(dir.resolve("state"), "peer_t"), "peer_t", "ws://127.0.0.1:1/", 2,
                () -> 1, clock, 1000, problems::add);
    }

    private PeerStatus read() throws Exception {
        return Codec.read(Files.readString(StatusTracker.fileFor(dir.resolve("state"), "peer_t")), PeerStatus.class);
    }

    @Test
    void writesAnOwnerOnlyFile_withTasksEarningsAndState() throws Exception {
        List<String> problems = new ArrayList<>();
        StatusTracker t = tracker(at("2026-03-01T10:00:00Z"), problems);
        t.connected(true);
        t.total("0.000001000", null, null);
        t.taskEnded("task_1", "ai_pathfinding", "completed", 12.34);
        t.earned("task_1", 500, "0.000001500", null, null);
        t.taskEnded("task_2", "rt_shadows", "handed_back", 0);
        t.writeNow();
        Path file = StatusTracker.fileFor(dir.resolve("state"), "peer_t");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        PeerStatus s = read();
        assertEquals("working", s.state());
        assertEquals(ProcessHandle.current().pid(), s.pid());
        assertEquals("0.000000500", s.earned().sessionUsd());
        assertEquals("0.000000500", s.earned().todayUsd());
        assertEquals("0.000001500", s.earned().totalUsd());
        assertNull(s.earned().pendingUsd(), "pending and granted stay absent until a coordinator reports them");
        assertEquals(new PeerStatus.Counts(1, 0, 1), s.tasks());
        assertEquals("task_2", s.recentTasks().get(0).taskId(), "newest first");
        assertEquals("0.000000500", s.recentTasks().get(1).earnedUsd());
        assertEquals(12.3, s.recentTasks().get(1).processingMs(), 1e-9);
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(Files.readString(file).contains("\"paused_reason\"") == false, "absent fields are left out");
    }

    @Test
    void today_survivesARestartTheSameDay_andStartsAgainTheNextDay() throws Exception {
        StatusTracker first = tracker(at("2026-03-01T09:00:00Z"), new ArrayList<>());
        first.earned("task_1", 700, "0.000000700", null, null);
        first.stopped();
        first.writeNow();
        StatusTracker again = tracker(at("2026-03-01T20:00:00Z"), new ArrayList<>());
        again.earned("task_2", 300, "0.000001000", "0.000000300", "0.000000700");
        again.writeNow();
        assertEquals("0.000001000", read().earned().todayUsd());
        assertEquals("0.000000300", read().earned().sessionUsd());
        StatusTracker tomorrow = tracker(at("2026-03-02T01:00:00Z"), new ArrayList<>());
        tomorrow.writeNow();
        assertEquals("0.000000000", read().earned().todayUsd());
        assertEquals("2026-03-02", read().earned().todayDate());
    }

    @Test
    void report_saysRunningForThisProcess_andNotRunningOnceStopped() throws Exception {
        StatusTracker t = tracker(Clock.systemUTC(), new ArrayList<>());
        t.connected(true);
        t.paused("outside the schedule 22:00-08:00");
        t.writeNow();
        PeerStatus live = read();
        long now = System.currentTimeMillis();
        assertEquals(StatusReport.Liveness.RUNNING, StatusReport.liveness(live, now));
        String text = StatusReport.render(live, StatusReport.Liveness.RUNNING, now, ZoneId.of("UTC"));
        assertTrue(text.contains("running (pid " + ProcessHandle.current().pid()), text);
        assertTrue(text.contains("paused: outside the schedule 22:00-08:00"), text);
        assertTrue(text.contains("pending / granted: not reported"), text);
        t.stopped();
        t.writeNow();
        assertEquals(StatusReport.Liveness.NOT_RUNNING, StatusReport.liveness(read(), now));
        assertEquals(StatusReport.Liveness.STALE, StatusReport.liveness(live, now + 60_000));
    }
}
