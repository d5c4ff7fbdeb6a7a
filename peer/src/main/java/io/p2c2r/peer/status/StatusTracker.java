package io.p2c2r.peer.status;

import io.p2c2r.common.Version;
import io.p2c2r.common.identity.OwnerOnlyFiles;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.Codec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Keeps a running peer's {@link PeerStatus} and writes it to its status file: at most once per write interval
 * while something changed ({@link #flushIfChanged}, from the peer's timer), at once for connection and pause
 * changes, and a last time with state {@code stopped}. Thread-safe: worker, socket and timer threads report.
 */
public final class StatusTracker {
    static final int RECENT = 20;

    private final Path file;
    private final String peerId;
    private final String coordinator;
    private final int slots;
    private final IntSupplier running;
    private final Clock clock;
    private final long writeIntervalMs;
    private final long startedAtMs;
    private final Consumer<String> onProblem;
    private final ArrayDeque<PeerStatus.RecentTask> recent = new ArrayDeque<>();
    private final Object writeLock = new Object();
    private boolean connected;
    private boolean stopped;
    private String pausedReason;
    private String totalUsd;
    private String pendingUsd;
    private String grantedUsd;
    private long sessionNanos;
    private LocalDate today;
    private long todayNanos;
    private long completed;
    private long failed;
    private long handedBack;
    private boolean changed = true;
    private boolean reportedProblem; // guarded by writeLock

    public StatusTracker(Path file, String peerId, String coordinator, int slots, IntSupplier running, Clock clock,
                         long writeIntervalMs, Consumer<String> onProblem) {
        this.file = file;
        this.peerId = peerId;
        this.coordinator = coordinator;
        this.slots = slots;
        this.running = running;
        this.clock = clock;
        this.writeIntervalMs = writeIntervalMs;
        this.onProblem = onProblem;
        this.startedAtMs = clock.millis();
        this.today = LocalDate.now(clock);
        this.todayNanos = earlierToday(file, peerId, today);
    }

    /** {@code <dir>/peer-<id>.status.json}. */
    public static Path fileFor(Path stateDir, String peerId) {
        return stateDir.resolve("peer-" + peerId + ".status.json");
    }

    /** What an earlier run of this peer earned today, so "today" survives a restart; 0 if none or unreadable. */
    private static long earlierToday(Path file, String peerId, LocalDate today) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            PeerStatus old = Codec.read(Files.readString(file, StandardCharsets.UTF_8), PeerStatus.class);
            if (peerId.equals(old.peerId()) && old.earned() != null && today.toString().equals(old.earned().todayDate())
                    && old.earned().todayUsd() != null) {
                return Money.parseUsd(old.earned().todayUsd()).nanos();
            }
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign file is replaced; today's figure then starts from this run.
        }
        return 0;
    }

    public synchronized void connected(boolean now) {
        changed |= connected != now;
        connected = now;
    }

    /**
     * The coordinator's lifetime total for this id, from {@code registered} or {@code result_accepted}, and its
     * pending and granted parts (null from a coordinator that does not report them).
     */
    public synchronized void total(String usd, String pending, String granted) {
        totalUsd = usd;
        pendingUsd = pending;
        grantedUsd = granted;
        changed = true;
    }

    public synchronized void paused(String reason) {
        pausedReason = reason;
        changed = true;
    }

    /** A task started or stopped running: the state may turn between idle and working. */
    public synchronized void runningChanged() {
        changed = true;
    }

    public synchronized void taskEnded(String taskId, String type, String outcome, double processingMs) {
        switch (outcome) {
            case "completed" -> completed++;
            case "failed" -> failed++;
            default -> handedBack++;
        }
        recent.addFirst(new PeerStatus.RecentTask(taskId, type, outcome, Math.round(processingMs * 10) / 10.0, null, clock.millis()));
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
        changed = true;
    }

    /** A {@code result_accepted}: adds the earning to this session and today, and to the task's line. */
    public synchronized void earned(String taskId, long nanos, String newTotalUsd, String pending, String granted) {
        rollDay();
        sessionNanos += nanos;
        todayNanos += nanos;
        totalUsd = newTotalUsd;
        pendingUsd = pending;
        grantedUsd = granted;
        List<PeerStatus.RecentTask> copy = new ArrayList<>(recent);
        recent.clear();
        for (PeerStatus.RecentTask t : copy) {
            recent.addLast(t.taskId().equals(taskId) ? new PeerStatus.RecentTask(t.taskId(), t.type(), t.outcome(),
                    t.processingMs(), Money.ofNanos(nanos).toUsdString(), t.atMs()) : t);
        }
        changed = true;
    }

    public synchronized void stopped() {
        stopped = true;
        connected = false;
        changed = true;
    }

    private void rollDay() {
        LocalDate now = LocalDate.now(clock);
        if (!now.equals(today)) {
            today = now;
            todayNanos = 0;
        }
    }

    public synchronized PeerStatus snapshot() {
        rollDay();
        int busy = running.getAsInt();
        String state = stopped ? "stopped" : !connected ? "connecting" : pausedReason != null ? "paused" : busy > 0 ? "working" : "idle";
        return new PeerStatus(PeerStatus.FORMAT, peerId, ProcessHandle.current().pid(), startedAtMs, clock.millis(),
                writeIntervalMs, Version.get(), coordinator, state, connected, pausedReason, slots, busy,
                new PeerStatus.Earnings(Money.ofNanos(sessionNanos).toUsdString(), Money.ofNanos(todayNanos).toUsdString(),
                        today.toString(), totalUsd, pendingUsd, grantedUsd),
                new PeerStatus.Counts(completed, failed, handedBack), List.copyOf(recent));
    }

    /** Writes the file if anything changed since the last write; the timer calls this every write interval. */
    public void flushIfChanged() {
        synchronized (this) {
            if (!changed) {
                return;
            }
        }
        writeNow();
    }

    /** Writes the file now. Writers queue on one lock, so an older snapshot never replaces a newer one. */
    public void writeNow() {
        synchronized (writeLock) {
            PeerStatus s;
            synchronized (this) {
                s = snapshot();
                changed = false;
            }
            try {
                OwnerOnlyFiles.write(file, Codec.write(s) + "\n");
            } catch (IOException | RuntimeException e) {
                if (!reportedProblem) {
                    reportedProblem = true;
                    onProblem.accept("⚠️  Cannot write the status file " + file + ": " + e.getMessage());
                }
            }
        }
    }
}
