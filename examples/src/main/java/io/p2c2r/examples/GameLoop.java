package io.p2c2r.examples;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.identity.IdentityStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A game loop at a fixed rate (60 Hz by default) that sends its heavy work to P2C2R as a game would: a dungeon
 * level from {@code ai_procedural}, NPC routes from {@code ai_pathfinding} and NPC lines from
 * {@code ai_npc_dialogue}, all asynchronously. No frame ever waits on the network, nor does JSON work: a frame only
 * decides what to ask, and one I/O thread of the loop's own encodes and sends the request, then turns the answer
 * into game objects and queues it; the next frame applies what has arrived. It measures frame times with and without
 * work in flight. Call {@link #run} on the game's thread; the loop owns and stops its I/O thread.
 *
 * <pre>java -jar examples/target/game-loop.jar [--cloud ws://HOST:PORT/] [--seconds 20] [--hz 60]</pre>
 */
public final class GameLoop {
    /** Frames per second; seconds without any P2C2R work (the baseline), then with work; then up to drain to finish. */
    public record Settings(double hz, Duration baseline, Duration work, Duration drain) {
        public Settings {
            if (!(hz >= 1 && hz <= 1000)) {
                throw new IllegalArgumentException("hz " + hz + " is out of range [1, 1000]");
            }
        }
    }

    /** What a run did: frames of each kind, tasks by type, and how many frames started late. */
    public record Report(int framesIdle, int framesWithWorkInFlight, int lateFrames, Map<String, Integer> submitted,
                         Map<String, Integer> completed, Map<String, Integer> failed, String idle, String withWork) {
        public String describe() {
            return String.format(" Frames without P2C2R work in flight: %d, %s%n Frames with work in flight:    %d, %s%n"
                            + " Frames that started late: %d%n Tasks submitted %s, completed %s, failed %s%n",
                    framesIdle, idle, framesWithWorkInFlight, withWork, lateFrames, submitted, completed, failed);
        }
    }

    private static final int DIALOGUE_EVERY = 20;
    private static final int LEVEL_EVERY = 180;

    private final P2c2rClient client;
    private final Settings settings;
    private final Consumer<String> hud;
    private final World world = new World();
    /** Filled by the I/O thread with answers ready to apply, drained by the loop: the only hand-over to the loop. */
    private final ConcurrentLinkedQueue<Runnable> arrived = new ConcurrentLinkedQueue<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "game-loop-io");
        t.setDaemon(true);
        return t;
    });
    private final FrameTimes idle = new FrameTimes();
    private final FrameTimes busy = new FrameTimes();
    private final Map<String, Integer> submitted = new TreeMap<>();
    private final Map<String, Integer> completed = new TreeMap<>();
    private final Map<String, Integer> failed = new TreeMap<>();
    private final boolean[] walking = new boolean[6];
    private int inFlight;
    private boolean levelPending;
    private long lines;

    public GameLoop(P2c2rClient client, Settings settings, Consumer<String> hud) {
        this.client = client;
        this.settings = settings;
        this.hud = hud;
    }

    /** Runs the baseline, then the work, then waits (still framing) for the answers in flight; returns the figures. */
    public Report run() {
        try {
            return frames();
        } finally {
            io.shutdownNow();
        }
    }

    private Report frames() {
        long period = Math.round(1e9 / settings.hz());
        long start = System.nanoTime();
        long workFrom = start + settings.baseline().toNanos();
        long workUntil = workFrom + settings.work().toNanos();
        long drainUntil = workUntil + settings.drain().toNanos();
        long next = start;
        long previous = -1;
        int late = 0;
        for (long frame = 0; ; frame++) {
            long now = System.nanoTime();
            if (now >= drainUntil || now >= workUntil && inFlight == 0) {
                break;
            }
            boolean working = inFlight > 0;
            for (Runnable r; (r = arrived.poll()) != null; ) {
                r.run();
            }
            if (now >= workFrom && now < workUntil) {
                plan((now - workFrom) / period);
            }
            world.tick();
            if (frame % Math.round(settings.hz()) == 0) {
                hud.accept(String.format(" t=%4.1fs level %d, %d in flight | %s", (now - start) / 1e9, world.levels, inFlight,
                        world.lastLine));
            }
            long end = System.nanoTime();
            if (previous >= 0) {
                (working ? busy : idle).add((now - previous) / 1e6, (end - now) / 1e6);
            }
            previous = now;
            next += period;
            if (end > next) {
                late++;
                next = end; // a frame overran: start the next one at once rather than bunch frames to catch up
            }
            LockSupport.parkNanos(next - System.nanoTime());
        }
        return new Report(idle.count(), busy.count(), late, submitted, completed, failed, idle.describe(), busy.describe());
    }

    /** This frame's requests, from the frame number within the work phase. */
    private void plan(long frame) {
        if (frame % LEVEL_EVERY == 0 && !levelPending) {
            levelPending = true;
            int seed = world.levels + 1;
            submit("ai_procedural", () -> "{\"type\":\"dungeon\",\"size\":[" + World.WIDTH + "," + World.HEIGHT + "],\"seed\":"
                    + seed + "}", World::parseLevel, level -> {
                        levelPending = false;
                        world.enter(level);
                        java.util.Arrays.fill(walking, false);
                    }, () -> levelPending = false);
        }
        if (frame % DIALOGUE_EVERY == 0) {
            World.Npc npc = world.npcs.get((int) (lines % world.npcs.size()));
            String ask = ASKS[(int) (lines % ASKS.length)];
            long seed = lines++;
            submit("ai_npc_dialogue", () -> "{\"character\":\"Shopkeeper\",\"name\":\"" + npc.name
                    + "\",\"personality\":\"friendly\",\"player_input\":\"" + ask + "\",\"seed\":" + seed + "}",
                    World::parseLine, line -> world.lastLine = npc.name + ": " + line, () -> { });
        }
        if (world.level == null) {
            return;
        }
        for (int i = 0; i < world.npcs.size(); i++) {
            World.Npc npc = world.npcs.get(i);
            if (!walking[i] && npc.step >= npc.route.size()) {
                int n = i;
                walking[n] = true;
                int[] goal = world.floorCell(frame + 31L * i);
                String grid = world.level.gridJson();
                int x = npc.x;
                int y = npc.y;
                submit("ai_pathfinding", () -> "{\"grid\":" + grid + ",\"start\":[" + x + "," + y + "],\"end\":[" + goal[0]
                        + "," + goal[1] + "]}", World::parsePath, route -> {
                            walking[n] = false;
                            npc.route = route;
                            npc.step = 0;
                        }, () -> walking[n] = false);
            }
        }
    }

    private static final String[] ASKS = {"Hello there!", "Any news?", "What do you sell?", "Do you have work for me?"};

    /**
     * Asks for a task without doing any of its work on this (the loop's) thread: the I/O thread builds the data,
     * submits it, and parses the answer with {@code parse}; a later frame calls {@code apply} with the result.
     */
    private <T> void submit(String type, Supplier<String> data, Function<TaskReply, T> parse, Consumer<T> apply,
                            Runnable onFailure) {
        inFlight++;
        submitted.merge(type, 1, Integer::sum);
        io.execute(() -> client.submit(type, data.get(), Duration.ofSeconds(60)).whenCompleteAsync((reply, error) -> {
            T value = null;
            try {
                value = error == null && reply.ok() ? parse.apply(reply) : null;
            } catch (RuntimeException e) {
                // An answer of a shape this example does not know counts as a failure, never as a lost task.
            }
            T ready = value;
            arrived.add(() -> {
                inFlight--;
                if (ready != null) {
                    completed.merge(type, 1, Integer::sum);
                    apply.accept(ready);
                } else {
                    failed.merge(type, 1, Integer::sum);
                    onFailure.run();
                }
            });
        }, io));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>(Map.of("--cloud", "ws://localhost:8765/", "--seconds", "20", "--baseline", "5",
                "--hz", "60", "--state-dir", IdentityStore.defaultDir().toString()));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!a.containsKey(args[i])) {
                System.err.println("game-loop: unknown option " + args[i] + "; known: " + a.keySet());
                System.exit(2);
            }
            a.put(args[i], args[i + 1]);
        }
        P2c2rClient.Options options = new P2c2rClient.Options(URI.create(a.get("--cloud")), null,
                new IdentityStore(Path.of(a.get("--state-dir"))), Duration.ofSeconds(10));
        PrintWriter out = new PrintWriter(System.out, true);
        try (P2c2rClient client = P2c2rClient.connect(options).get(30, TimeUnit.SECONDS)) {
            // The loading screen: one small task before the first frame loads and warms the library's classes.
            client.submit("ai_pathfinding", "{\"start\":[0,0],\"end\":[1,1]}", Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);
            Settings s = new Settings(Double.parseDouble(a.get("--hz")), Duration.ofSeconds(Long.parseLong(a.get("--baseline"))),
                    Duration.ofSeconds(Long.parseLong(a.get("--seconds"))), Duration.ofSeconds(60));
            out.printf(" Game loop at %.0f Hz: %s without P2C2R work, then %s with it%n", s.hz(), s.baseline(), s.work());
            out.print(new GameLoop(client, s, out::println).run().describe());
            out.flush();
        }
    }
}
