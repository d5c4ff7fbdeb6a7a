package io.p2c2r.peer.controls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lowers the priority of the threads that compute: Java's {@link Thread#MIN_PRIORITY} everywhere (which the
 * HotSpot JVM passes to the OS only on some platforms; on Linux it is ignored without root) and, on Linux,
 * nice 19 for each compute thread itself, set with {@code renice} on the thread's own id. Threads that talk to the
 * coordinator keep their normal priority. Thread-safe.
 *
 * <p>What nice can do on Linux: it ranks the peer's compute threads below every normal thread in the same
 * scheduling group. With autogroup (most desktops) a terminal session is its own group, so against programs in
 * other sessions what counts is the group's weight; run the peer as a systemd service with {@code Nice=19},
 * {@code CPUSchedulingPolicy=idle} and {@code CPUWeight=idle} (docs/PEER.md) for the whole-machine effect.
 */
public final class LowPriority {
    public static final int NICE = 19;

    private final boolean enabled;
    private final Set<Long> lowered = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> problem = new AtomicReference<>();

    public LowPriority(boolean enabled) {
        this.enabled = enabled;
    }

    /** Wraps {@code factory} so that every thread it makes lowers itself before its first job. */
    public ThreadFactory wrap(ThreadFactory factory) {
        if (!enabled) {
            return factory;
        }
        return r -> {
            Thread t = factory.newThread(() -> {
                lowerCurrentThread();
                r.run();
            });
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
    }

    private void lowerCurrentThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.exists(self)) {
            problem.compareAndSet(null, "no /proc/thread-self (not Linux): only Java thread priority");
            return;
        }
        try {
            long tid = Long.parseLong(Files.readSymbolicLink(self).getFileName().toString());
            Process p = new ProcessBuilder(List.of("renice", "-n", String.valueOf(NICE), "-p", String.valueOf(tid)))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                lowered.add(tid);
            } else {
                problem.compareAndSet(null, "renice failed: " + output);
            }
        } catch (IOException | RuntimeException e) {
            problem.compareAndSet(null, "renice unavailable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kernel thread ids given nice 19 so far. */
    public Set<Long> loweredThreadIds() {
        return Set.copyOf(lowered);
    }

    /** One line for the console. */
    public String describe() {
        if (!enabled) {
            return "compute threads at normal priority (--no-low-priority)";
        }
        String p = problem.get();
        return p == null ? "compute threads at low priority (Java MIN_PRIORITY" + (Files.exists(Path.of("/proc/thread-self"))
                ? ", nice " + NICE + ")" : ")") : "compute threads at Java MIN_PRIORITY; " + p;
    }
}
