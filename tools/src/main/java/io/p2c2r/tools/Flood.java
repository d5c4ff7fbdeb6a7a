package io.p2c2r.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One hostile client of a coordinator, for the abuse measurements in docs/BENCHMARKS.md. It can hold
 * {@code --idle N} WebSocket connections registered as gamers that then say nothing (answering pings), keep
 * {@code --half-open M} TCP connections that never send a byte (opening a new one when the coordinator closes
 * one), for {@code --seconds S}; or try {@code --wrong-tokens K} registrations in a row for one id with wrong
 * tokens and report how each was answered; or hold {@code --peers N} connections registered as idle peers that
 * send a heartbeat every 10 s (they declare one slot and only {@code ai_dialogue}, so that a bench of another type
 * is never routed to them). One blocking thread per connection, with small stacks.
 *
 * <pre>java -cp p2c2r-tools.jar io.p2c2r.tools.Flood --target 127.0.0.1:8765 --idle 3000 --half-open 500 --seconds 60
 * java -cp p2c2r-tools.jar io.p2c2r.tools.Flood --target 127.0.0.1:8765 --wrong-tokens 200 --id gamer_victim</pre>
 */
public final class Flood {
    private static final long STACK_BYTES = 128 << 10;

    private final InetSocketAddress target;
    private final AtomicInteger idleHeld = new AtomicInteger();
    private final AtomicInteger idleLost = new AtomicInteger();
    private final AtomicInteger halfOpenHeld = new AtomicInteger();
    private final AtomicInteger halfOpenClosed = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<RawWebSocket> open = java.util.Collections.synchronizedList(new ArrayList<>());

    private final java.util.concurrent.ScheduledExecutorService heartbeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "heartbeats");
                t.setDaemon(true);
                return t;
            });
    private int peers;
    private final List<RawWebSocket> peerSockets = java.util.Collections.synchronizedList(new ArrayList<>());

    private Flood(InetSocketAddress target) {
        this.target = target;
    }

    public static void main(String[] args) throws Exception {
        LossyProxy.Args a = new LossyProxy.Args(args);
        Flood flood = new Flood(a.address("--target"));
        int tokens = (int) a.number("--wrong-tokens", 0);
        if (tokens > 0) {
            flood.wrongTokens(a.text("--id", "gamer_victim"), tokens);
            return;
        }
        flood.peers = (int) a.number("--peers", 0);
        flood.hold((int) a.number("--idle", 0), (int) a.number("--half-open", 0), (long) a.number("--seconds", 60));
    }

    private void hold(int idle, int halfOpen, long seconds) throws InterruptedException {
        Semaphore handshakes = new Semaphore(32); // the server's accept backlog is short; do not overrun it
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int i = 0; i < idle; i++) {
            String id = "flood_" + run + "_" + i;
            start(() -> idle(id, handshakes), "idle-" + i);
        }
        for (int i = 0; i < halfOpen; i++) {
            start(this::halfOpen, "half-open-" + i);
        }
        for (int i = 0; i < peers; i++) {
            String id = "idle_peer_" + run + "_" + i;
            start(() -> idle(id, handshakes), "peer-" + i);
        }
        heartbeats.scheduleAtFixedRate(this::heartbeat, 10, 10, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!stop.await(5, TimeUnit.SECONDS) && System.nanoTime() < end) {
            report("holding");
        }
        stop.countDown();
        report("done");
        synchronized (open) {
            for (RawWebSocket s : open) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    private void report(String what) {
        System.out.printf("flood %s: idle registered %d (lost %d), half-open %d (closed by the server so far %d)%n", what,
                idleHeld.get(), idleLost.get(), halfOpenHeld.get(), halfOpenClosed.get());
        System.out.flush();
    }

    /** Registers as a gamer, then only answers pings, until stopped; opens a new one if the server drops it. */
    private void idle(String id, Semaphore handshakes) {
        while (stop.getCount() > 0) {
            RawWebSocket s = null;
            try {
                handshakes.acquire();
                try {
                    s = RawWebSocket.tcp(null, target);
                    s.handshake();
                    s.sendText(id.startsWith("idle_peer_") ? "{\"type\":\"register_peer\",\"peer_id\":\"" + id
                            + "\",\"capabilities\":{\"cores\":1,\"slots\":1,\"tasks\":{\"ai_dialogue\":\"2.0.0\"}}}"
                            : "{\"type\":\"register_gamer\",\"gamer_id\":\"" + id + "\"}");
                    String reply = s.readText();
                    if (!reply.contains("\"registered\"")) {
                        throw new IOException("not registered: " + reply);
                    }
                } finally {
                    handshakes.release();
                }
                if (id.startsWith("idle_peer_")) {
                    peerSockets.add(s);
                }
                open.add(s);
                idleHeld.incrementAndGet();
                s.readTimeout(0);
                s.awaitClose(); // answers pings; returns when the server closes
                idleHeld.decrementAndGet();
                idleLost.incrementAndGet();
            } catch (IOException e) {
                idleLost.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                return;
            } finally {
                if (s != null) {
                    open.remove(s);
                    peerSockets.remove(s);
                }
            }
        }
    }

    /** Every registered peer says it is alive; gamers (and half-open ones) say nothing. */
    private void heartbeat() {
        List<RawWebSocket> now;
        synchronized (peerSockets) {
            now = new ArrayList<>(peerSockets);
        }
        for (RawWebSocket s : now) {
            try {
                s.sendText("{\"type\":\"heartbeat\",\"running\":0}");
            } catch (IOException e) {
                // its reader sees the close and reconnects
            }
        }
    }

    /** A TCP connection that sends nothing; when the server closes it, another. */
    private void halfOpen() {
        while (stop.getCount() > 0) {
            try (RawWebSocket s = RawWebSocket.tcp(null, target)) {
                open.add(s);
                halfOpenHeld.incrementAndGet();
                try {
                    s.readTimeout(0);
                    s.awaitClose();
                } finally {
                    halfOpenHeld.decrementAndGet();
                    open.remove(s);
                }
                halfOpenClosed.incrementAndGet();
            } catch (IOException e) {
                pause();
            }
        }
    }

    /** K registrations of {@code id} with wrong tokens, one connection each, back to back. */
    private void wrongTokens(String id, int attempts) throws IOException {
        try (RawWebSocket owner = RawWebSocket.tcp(null, target)) {
            owner.handshake();
            owner.sendText("{\"type\":\"register_gamer\",\"gamer_id\":\"" + id + "\"}");
            owner.readText(); // creates the id if it is new; wrong tokens are then guesses at its token
        }
        Map<String, Integer> answers = new TreeMap<>();
        String last = "";
        long t0 = System.nanoTime();
        for (int i = 0; i < attempts; i++) {
            try (RawWebSocket s = RawWebSocket.tcp(null, target)) {
                s.handshake();
                s.sendText("{\"type\":\"register_gamer\",\"gamer_id\":\"" + id + "\",\"token\":\"wrong-guess-" + i
                        + "-abcdefghijklmnop\"}");
                String reply = s.readText();
                String code = reply.replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1");
                answers.merge(reply.contains("\"registered\"") ? "registered" : code, 1, Integer::sum);
                last = reply;
            } catch (IOException e) {
                answers.merge("connection failed", 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("wrong tokens: %d attempts for %s in %.2f s: %s%nlast answer: %s%n", attempts, id, seconds, answers, last);
    }

    private static void pause() {
        try {
            Thread.sleep(200); // back off a failed connect; a flood that spins would measure itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(null, r, name, STACK_BYTES);
        t.setDaemon(true);
        t.start();
    }
}
