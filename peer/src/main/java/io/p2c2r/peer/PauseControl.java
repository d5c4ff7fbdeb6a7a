package io.p2c2r.peer;

import io.p2c2r.common.protocol.Capacity;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.peer.controls.Availability;
import io.p2c2r.peer.status.StatusTracker;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pauses and resumes the peer as its {@link Availability} says: on pausing it tells the coordinator it takes no
 * task ({@code capacity 0}) and then hands back what it holds; on resuming it offers its slots again. The same
 * path stops the peer for good. Thread-safe: the timer checks, the supervisor announces after registering,
 * and the stopping thread stops; one lock orders them.
 */
final class PauseControl {
    private final Availability availability;
    private final TaskDesk desk;
    private final Supplier<PeerConnection> connection;
    private final int slots;
    private final StatusTracker status;
    private final Consumer<String> print;
    private boolean stopped;

    PauseControl(Availability availability, TaskDesk desk, Supplier<PeerConnection> connection, int slots,
                 StatusTracker status, Consumer<String> print) {
        this.availability = availability;
        this.desk = desk;
        this.connection = connection;
        this.slots = slots;
        this.status = status;
        this.print = print;
    }

    /** Looks at the schedule and the load; acts only when the peer turns from working to paused or back. */
    synchronized void check() {
        if (stopped) {
            return;
        }
        String reason = availability.pauseReason();
        boolean wasPaused = desk.pausedReason() != null;
        if (reason != null && !wasPaused) {
            print.accept("⏸  Paused: " + reason + "; taking no new tasks");
            pauseNow(reason);
        } else if (reason == null && wasPaused) {
            desk.resume();
            status.paused(null);
            send(new Capacity(slots, "resumed"));
            print.accept("▶  Resumed: taking up to " + slots + " task(s) again");
        }
    }

    /** After each registration: a paused peer says so at once, since registering offered all its slots. */
    synchronized void announce(PeerConnection c) {
        String reason = desk.pausedReason();
        if (reason != null) {
            c.trySend(Codec.encode(new Capacity(0, TaskDesk.clip(reason))));
        }
    }

    /** Stops taking work for good and hands every held task back; returns how many went back. */
    synchronized int stop() {
        stopped = true;
        return pauseNow("peer stopping");
    }

    private int pauseNow(String reason) {
        // Capacity first, so that the coordinator does not send a handed-back task straight back here.
        send(new Capacity(0, TaskDesk.clip(reason)));
        desk.pause(reason);
        status.paused(reason);
        int n = desk.handBackAll(reason);
        status.writeNow();
        return n;
    }

    private void send(Capacity c) {
        PeerConnection conn = connection.get();
        if (conn != null) {
            conn.trySend(Codec.encode(c));
        }
    }
}
