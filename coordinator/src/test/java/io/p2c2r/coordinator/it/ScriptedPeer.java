package io.p2c2r.coordinator.it;

import io.p2c2r.common.protocol.Capabilities;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ExecuteTask;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.ProtocolException;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.common.protocol.ServerMessage;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.executors.ExecutionContext;
import io.p2c2r.executors.ExecutorRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A peer that runs the real algorithms on one thread and then, as scripted, tells the truth or lies: after
 * {@code honestFirst} tasks it returns a plausible wrong result with probability {@code lieRate} (a path with
 * one cell moved and a distance to match, or any other result with one number nudged). It speaks raw protocol
 * with valid capabilities, so the coordinator sees an ordinary peer.
 */
final class ScriptedPeer extends WebSocketClient {
    private final String id;
    private final int slots;
    private final double lieRate;
    private final int honestFirst;
    private final Random random;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scripted-peer");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Registered> registered = new CompletableFuture<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger lies = new AtomicInteger();
    private final AtomicInteger firstLieAt = new AtomicInteger();
    private final String token;

    private ScriptedPeer(int port, String id, String token, int slots, double lieRate, int honestFirst, long seed) {
        super(URI.create("ws://127.0.0.1:" + port + "/"));
        this.id = id;
        this.token = token;
        this.slots = slots;
        this.lieRate = lieRate;
        this.honestFirst = honestFirst;
        this.random = new Random(seed);
    }

    static ScriptedPeer start(int port, String id, int slots, double lieRate, int honestFirst, long seed) throws Exception {
        return start(port, id, null, slots, lieRate, honestFirst, seed);
    }

    static ScriptedPeer start(int port, String id, String token, int slots, double lieRate, int honestFirst, long seed)
            throws Exception {
        ScriptedPeer p = new ScriptedPeer(port, id, token, slots, lieRate, honestFirst, seed);
        if (!p.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new AssertionError("scripted peer " + id + " could not connect to port " + port);
        }
        p.send(Codec.encode(new RegisterPeer(id, token, new Capabilities(1, slots, ExecutorRegistry.builtIn().versions(),
                "test", "test", null))));
        p.registered.get(TestNetwork.WAIT.toSeconds(), TimeUnit.SECONDS);
        return p;
    }

    /** The same identity, connected again (to a restarted coordinator). */
    ScriptedPeer reconnect(int port) throws Exception {
        close();
        return start(port, id, registered.getNow(null).token(), slots, lieRate, honestFirst, random.nextLong());
    }

    int lies() {
        return lies.get();
    }

    /** The number (from 1) of the answer that was this peer's first lie, or 0 if it never lied. */
    int firstLieAt() {
        return firstLieAt.get();
    }

    int answered() {
        return answered.get();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String text) {
        ServerMessage m;
        try {
            m = Codec.decodeServer(text);
        } catch (ProtocolException e) {
            return;
        }
        if (m instanceof Registered r) {
            registered.complete(r);
        } else if (m instanceof ExecuteTask t) {
            worker.execute(() -> answer(t));
        }
    }

    private void answer(ExecuteTask t) {
        long t0 = System.nanoTime();
        TaskType type = TaskType.fromWire(t.taskType()).orElseThrow();
        Map<String, Object> result = ExecutorRegistry.builtIn().find(type).orElseThrow()
                .execute(Codec.params(t.taskData()), ExecutionContext.sequential());
        int n = answered.incrementAndGet();
        if (n > honestFirst && random.nextDouble() < lieRate) {
            result = lie(result);
            lies.incrementAndGet();
            firstLieAt.compareAndSet(0, n);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (isOpen()) {
            send(Codec.encode(PeerTaskResult.completed(t.taskId(), Codec.toRaw(result), ms)));
        }
    }

    /** A plausible wrong answer: same fields and shape, one value changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> lie(Map<String, Object> honest) {
        Map<String, Object> out = new LinkedHashMap<>(honest);
        Object path = out.get("path");
        if (path instanceof List<?> cells && cells.size() > 2) {
            List<Object> moved = new ArrayList<>(cells);
            moved.remove(moved.size() / 2);
            out.put("path", moved);
            if (out.get("distance") instanceof Number d) {
                out.put("distance", d.doubleValue() - 0.5);
            }
            return out;
        }
        for (Map.Entry<String, Object> e : out.entrySet()) {
            if (e.getValue() instanceof Number num && !"work_units".equals(e.getKey())) {
                e.setValue(num.doubleValue() + 1);
                return out;
            }
        }
        out.put("note", "made up");
        return out;
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
    }

    @Override
    public void onError(Exception ex) {
    }

    @Override
    public void close() {
        worker.shutdownNow();
        super.close();
    }
}
