package io.p2c2r.coordinator.core;

import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.protocol.TaskAccepted;
import io.p2c2r.common.protocol.TaskCorrected;
import io.p2c2r.common.protocol.TaskProgress;
import io.p2c2r.common.protocol.Verification;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.Answer;
import io.p2c2r.coordinator.store.CacheEntry;
import io.p2c2r.coordinator.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Split rendering: starts a parent's tiles as ordinary tasks, hears everything said to the gamer about them
 * ({@link Outbox} hands it here instead), tells the gamer {@code task_progress}, hands the finished tiles to the
 * {@link TileAssembler} and answers the parent with the merged result; a tile that fails for good fails the
 * parent, and a parent that ends (cancelled, timed out, failed, shut down) drops its tiles that no peer runs.
 * Event loop only, except the merge on the assembler's thread.
 */
final class Splits implements Outbox.TileSink {
    /** What the rest of the hub does for a split: start a task's lookup, end a task, report an outcome. */
    interface Host {
        /** Opens {@code task} on the board and looks it up (request id, cache), as a submission does. */
        void launch(Task task);

        /** Ends {@code task} with an error (its runs still queued are dropped; see Hub#finish). */
        void fail(Task task, String status, String code, String message);

        /** The parent was answered with a merged result (for the views). */
        void completed(Task parent, String verification, String peerId, double processingMs, long costNanos);
    }

    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final Durable durable;
    private final Executor loop;
    private final Clock clock;
    private final TaskBoard board;
    private final Books books;
    private final Outbox outbox;
    private final Host host;
    private final TileAssembler assembler = new TileAssembler(64);
    private long pixelsInFlight;

    Splits(CoordinatorConfig config, Console console, Store store, Durable durable, Executor loop, Clock clock,
           TaskBoard board, Books books, Outbox outbox, Host host) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.durable = durable;
        this.loop = loop;
        this.clock = clock;
        this.board = board;
        this.books = books;
        this.outbox = outbox;
        this.host = host;
    }

    /** Why a split of {@code plan} cannot be taken now, or null. */
    String admission(SplitPlan plan) {
        long max = config.split().maxPixelsInFlight();
        if (plan.pixels() > max) {
            return "a split render of " + plan.pixels() + " pixels is more than the " + max + " the coordinator holds at once";
        }
        if (pixelsInFlight + plan.pixels() > max) {
            return "the coordinator holds " + pixelsInFlight + " pixels of split renders, its limit is " + max
                    + "; try again shortly";
        }
        return null;
    }

    /** The parent's lookup missed: its tiles become tasks of their own, each looked up and queued. */
    void start(Task parent) {
        Split s = parent.split;
        String refusal = admission(s.plan);
        if (refusal != null) {
            host.fail(parent, "failed", ErrorCodes.TOO_MANY_TASKS, refusal);
            return;
        }
        pixelsInFlight += s.plan.pixels();
        s.reserved = true;
        int n = s.total();
        String prefix = tileRequestPrefix(parent.requestId, n);
        for (SplitPlan.Tile tp : s.plan.tiles()) {
            Task tile = new Task(parent.id + ".t" + tp.index(), prefix + tp.index(), parent.gamer, parent.type,
                    parent.version, tp.cacheKey(), tp.data(), tp.maxWorkUnits(), parent.submittedNanos, parent.timeoutNanos,
                    parent.waitMode);
            tile.tileOf = s;
            tile.tileIndex = tp.index();
            s.tiles[tp.index()] = tile;
        }
        console.info(" Split " + parent.id + " (" + parent.type.wireName() + ", " + s.plan.pixels() + " pixels) into " + n
                + " tiles for " + parent.gamer.account.id);
        outbox.toGamer(parent, new TaskProgress(parent.requestId, parent.id, 0, n));
        for (Task tile : s.tiles) {
            host.launch(tile);
        }
    }

    /**
     * A tile's request id: the same for the same parent request and tile count, so that a render sent again (after
     * a reconnection or a coordinator restart) finds the tiles that completed before and gets their stored answers
     * without running or billing them again. Hashed to stay within the 128 characters of a request id.
     */
    static String tileRequestPrefix(String parentRequestId, int tiles) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(parentRequestId.getBytes(StandardCharsets.UTF_8));
            return "tile:" + HexFormat.of().formatHex(d, 0, 16) + ":" + tiles + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void tileMessage(Task tile, ServerMessage m) {
        Split s = tile.tileOf;
        Task parent = s.parent;
        if (parent.state != Task.State.WAITING) {
            return; // the render ended; what its tiles still say is nobody's business
        }
        if (m instanceof TaskAccepted a) {
            if (!s.running && "running".equals(a.status())) {
                s.running = true;
                store.submit(t -> t.tasks.update(parent.id, "running", a.peerId(), 1, null, null, null, null));
                outbox.toGamer(parent, new TaskAccepted(parent.requestId, parent.id, "running", a.peerId()));
            }
        } else if (m instanceof GamerTaskResult r) {
            if (r.ok()) {
                tileDone(s, tile.tileIndex, r);
            } else {
                String status = ErrorCodes.TIMEOUT.equals(r.code()) ? "timeout" : "failed";
                host.fail(parent, status, r.code(), "tile " + tile.tileIndex + " of " + s.total() + " (rows "
                        + rows(s, tile.tileIndex) + ") failed: " + r.error() + "; " + s.progress()
                        + ", and the render is billed for those (they are cached: sending it again reuses them)");
            }
        } else if (m instanceof TaskCorrected c && s.results != null && s.results[tile.tileIndex] != null) {
            if (Verification.DISPUTED.equals(c.verification())) {
                s.costNanos -= c.refundNanos();
                host.fail(parent, "failed", ErrorCodes.EXECUTION_FAILED, "no two peers agreed on tile " + tile.tileIndex
                        + " of " + s.total() + "; its charge is refunded");
            } else {
                s.results[tile.tileIndex] = c.result();
                s.verification[tile.tileIndex] = c.verification();
            }
        }
    }

    private void tileDone(Split s, int index, GamerTaskResult r) {
        if (s.results[index] != null) {
            return;
        }
        s.results[index] = r.result();
        s.verification[index] = r.verification();
        s.costNanos += r.costNanos();
        s.processingMs += r.processingTimeMs() == null ? 0 : r.processingTimeMs();
        s.allCached &= r.cached();
        if (r.peerId() != null) {
            s.peers.add(r.peerId());
            if (s.firstPeer == null || index == 0) {
                s.firstPeer = r.peerId();
            }
        }
        s.done++;
        Task parent = s.parent;
        outbox.toGamer(parent, new TaskProgress(parent.requestId, parent.id, s.done, s.total()));
        if (s.done == s.total()) {
            merge(s);
        }
    }

    private void merge(Split s) {
        List<int[]> rects = new ArrayList<>(s.total());
        for (SplitPlan.Tile t : s.plan.tiles()) {
            rects.add(t.rect());
        }
        var job = new TileAssembler.Job(s.plan.region(), rects, List.of(s.results));
        s.results = null;
        s.merging = true;
        if (!assembler.submit(job, outcome -> loop.execute(() -> merged(s, outcome)))) {
            s.merging = false;
            release(s);
            host.fail(s.parent, "failed", ErrorCodes.TOO_MANY_TASKS, "the coordinator's tile merger is full; try again shortly");
        }
    }

    private void merged(Split s, TileAssembler.Outcome outcome) {
        s.merging = false;
        release(s);
        Task parent = s.parent;
        if (parent.state != Task.State.WAITING) {
            return;
        }
        if (outcome.error() != null) {
            console.warn(" Split " + parent.id + ": its tiles could not be merged: " + outcome.error());
            host.fail(parent, "failed", ErrorCodes.EXECUTION_FAILED, "the tiles could not be merged: " + outcome.error());
            return;
        }
        String verification = s.weakestVerification();
        long now = clock.millis();
        String peerId = s.firstPeer != null ? s.firstPeer : "cache";
        boolean servable = Verification.TRUSTED.equals(verification) || Verification.VERIFIED.equals(verification);
        CacheEntry cache = Verification.UNCHECKED.equals(verification) ? null : new CacheEntry(parent.cacheKey, parent.id,
                parent.type.wireName(), parent.version, outcome.result().text(), outcome.sha256(), s.processingMs, peerId,
                servable ? verification : Verification.PENDING, now, now + config.cacheTtl().toMillis());
        // The gamer paid tile by tile; the parent's row records the answer and charges nothing more.
        Answer a = new Answer(parent.id, parent.gamer.account.id, peerId, s.attempts(), s.processingMs, 0, verification,
                outcome.sha256(), cache, now);
        books.charge(parent, 0);
        parent.verification = verification;
        parent.deliveredSha = outcome.sha256();
        board.answered(parent);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("tiles", (double) s.total());
        metrics.put("peers", (double) s.peers.size());
        metrics.put("merge_ms", outcome.millis());
        var reply = new GamerTaskResult(parent.requestId, parent.id, PeerTaskResult.COMPLETED, outcome.result(), null, null,
                s.allCached, s.processingMs, Money.ofNanos(s.costNanos).toUsdString(), s.costNanos, peerId, s.attempts(),
                verification, outcome.sha256(), metrics);
        console.info(String.format(" Result %s → %s (%d tiles on %d peers, merged in %.0f ms, %s, %s)", parent.id,
                parent.gamer.account.id, s.total(), s.peers.size(), outcome.millis(), Money.ofNanos(s.costNanos).format(9),
                verification));
        host.completed(parent, verification, peerId, s.processingMs, s.costNanos);
        durable.then(t -> t.answered(a), () -> outbox.toGamer(parent, reply));
    }

    /**
     * The parent ended without a merged result: its tiles that no peer runs are dropped unbilled; tiles already on
     * a peer finish, are billed and cached (as any running task), and their answers go nowhere.
     */
    void parentEnded(Task parent) {
        Split s = parent.split;
        if (!s.merging) {
            release(s);
        }
        s.results = null;
        for (Task tile : s.tiles) {
            if (tile != null && tile.state != Task.State.ANSWERED
                    && tile.runs.stream().noneMatch(r -> r.state == Run.State.RUNNING)) {
                host.fail(tile, "cancelled", ErrorCodes.CANCELLED, "its render " + parent.id + " ended");
            }
        }
    }

    /** What cancelling the parent does, for the gamer's message. */
    String cancelNote(Task parent) {
        Split s = parent.split;
        long running = Arrays.stream(s.tiles).filter(t -> t != null && t.state != Task.State.ANSWERED
                && t.runs.stream().anyMatch(r -> r.state == Run.State.RUNNING)).count(); // as Split.anyTileRunning, counted
        return "cancelled by the gamer: " + s.progress() + " (billed " + Money.ofNanos(s.costNanos).format(9) + ", cached), "
                + running + " running on peers finish and are billed, the rest are dropped unbilled";
    }

    private void release(Split s) {
        if (s.reserved) {
            s.reserved = false;
            pixelsInFlight -= s.plan.pixels();
        }
    }

    private static String rows(Split s, int index) {
        int[] r = s.plan.tiles().get(index).rect();
        return r[1] + "-" + r[3];
    }

    long pixelsInFlight() {
        return pixelsInFlight;
    }

    /** Stops the merge worker (at shutdown). */
    void close() {
        assembler.close();
    }
}
