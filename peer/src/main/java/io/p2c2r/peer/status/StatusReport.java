package io.p2c2r.peer.status;

import io.p2c2r.common.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders a {@link PeerStatus} for {@code peer.jar status}: running or not, connected, earning, recent tasks. Stateless. */
public final class StatusReport {
    /** Whether the process that wrote the file still runs, and whether its file is fresh. */
    public enum Liveness { RUNNING, STALE, NOT_RUNNING }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusReport() {}

    /** The file's writer is running if its pid is alive, started no later than the file says, and wrote recently. */
    public static Liveness liveness(PeerStatus s, long nowMs) {
        if (!"stopped".equals(s.state())) {
            var process = ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive);
            boolean same = process.map(p -> p.info().startInstant().map(t -> t.toEpochMilli() <= s.startedAtMs() + 5_000)
                    .orElse(true)).orElse(false);
            if (same) {
                return nowMs - s.updatedAtMs() > Math.max(10_000, 5 * s.writeIntervalMs()) ? Liveness.STALE : Liveness.RUNNING;
            }
        }
        return Liveness.NOT_RUNNING;
    }

    public static String render(PeerStatus s, Liveness live, long nowMs, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        String updated = DAY_CLOCK.format(Instant.ofEpochMilli(s.updatedAtMs()).atZone(zone));
        switch (live) {
            case RUNNING -> b.append(String.format(" Peer %s: running (pid %d, up %s), %s%n", s.peerId(), s.pid(),
                    duration(nowMs - s.startedAtMs()), s.connected() ? "connected to " + s.coordinator()
                            : "not connected (trying " + s.coordinator() + ")"));
            case STALE -> b.append(String.format(" Peer %s: running (pid %d) but its status is %s old; it may be stuck%n",
                    s.peerId(), s.pid(), duration(nowMs - s.updatedAtMs())));
            case NOT_RUNNING -> b.append(String.format(" Peer %s: not running (last status %s: %s)%n", s.peerId(), updated,
                    "stopped".equals(s.state()) ? "stopped" : "it ended without saying so"));
        }
        if (live != Liveness.NOT_RUNNING) {
            b.append(" Now: ").append(switch (s.state()) {
                case "paused" -> "paused: " + s.pausedReason();
                case "working" -> "working on " + s.running() + " of " + s.slots() + " slot(s)";
                case "idle" -> "idle, waiting for work (" + s.slots() + " slot(s))";
                default -> s.state();
            }).append('\n');
        }
        PeerStatus.Earnings e = s.earned();
        b.append(String.format(" Earned: today %s, %s %s, total %s%n", usd(e.todayUsd()),
                live == Liveness.NOT_RUNNING ? "last session" : "this session", usd(e.sessionUsd()),
                e.totalUsd() == null ? "unknown (never registered)" : usd(e.totalUsd())));
        b.append(e.pendingUsd() == null && e.grantedUsd() == null
                ? "         pending / granted: not reported by this coordinator\n"
                : String.format("         pending %s, granted %s%n", usd(e.pendingUsd()), usd(e.grantedUsd())));
        b.append(String.format(" Tasks: %d completed, %d failed, %d handed back%n", s.tasks().completed(), s.tasks().failed(),
                s.tasks().handedBack()));
        if (!s.recentTasks().isEmpty()) {
            b.append(" Recent tasks (newest first):\n");
            for (PeerStatus.RecentTask t : s.recentTasks()) {
                b.append(String.format("   %s  %-22s %-28s %-11s %10s  %s%n", CLOCK.format(Instant.ofEpochMilli(t.atMs()).atZone(zone)),
                        t.type(), t.taskId(), t.outcome(), "handed_back".equals(t.outcome()) ? "" : String.format("%.1f ms", t.processingMs()),
                        t.earnedUsd() == null ? "" : usd(t.earnedUsd())));
            }
        }
        return b.toString();
    }

    private static String usd(String dollars) {
        return dollars == null ? "unknown" : Money.parseUsd(dollars).format(9);
    }

    static String duration(long ms) {
        Duration d = Duration.ofMillis(Math.max(0, ms));
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        return String.format("%.1f h", ms / 3_600_000.0);
    }
}
