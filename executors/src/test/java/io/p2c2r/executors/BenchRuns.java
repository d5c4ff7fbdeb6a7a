package io.p2c2r.executors;

import io.p2c2r.common.protocol.Codec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs every bench case of every built-in executor and keeps, per case, the digest of its canonical result
 * (SHA-256 of {@code Codec.canonical(Codec.toRaw(result))}, first 12 bytes in hex) and its {@code work_units}.
 * The four-thread run is computed once per test JVM and shared by the tests that need it. {@link #main} prints
 * the one-thread digests for a test that compares them from a fresh JVM. Thread-safe.
 */
final class BenchRuns {
    /** One bench case's outcome. */
    record Run(TaskExecutor executor, BenchCase benchCase, String digest, long workUnits) {
        /** Type, version and case name: a version bump changes the key, so pinned digests must be renewed. */
        String key() {
            return executor.type().wireName() + " " + executor.version() + " " + benchCase.name();
        }
    }

    private static List<Run> fourThreads;

    private BenchRuns() {}

    /** Every bench case run on a {@link PoolContext} of 4 threads (3 pool threads and the caller). */
    static synchronized List<Run> fourThreads() throws InterruptedException {
        if (fourThreads == null) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                fourThreads = List.copyOf(all(new PoolContext(pool, 4, () -> false)));
            } finally {
                pool.shutdown();
                if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("bench pool did not stop");
                }
            }
        }
        return fourThreads;
    }

    static List<Run> all(ExecutionContext ctx) {
        List<Run> runs = new ArrayList<>();
        for (TaskExecutor e : ExecutorRegistry.builtIn().all()) {
            for (BenchCase c : e.benchCases()) {
                Map<String, Object> result = e.execute(Codec.params(c.data()), ctx);
                long units = ((Number) result.get(TaskExecutor.WORK_UNITS)).longValue();
                runs.add(new Run(e, c, digest(result), units));
            }
        }
        return runs;
    }

    static Map<String, String> digests(List<Run> runs) {
        Map<String, String> out = new TreeMap<>();
        runs.forEach(r -> out.put(r.key(), r.digest()));
        return out;
    }

    static String digest(Map<String, Object> result) {
        try {
            byte[] canonical = Codec.canonical(Codec.toRaw(result)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Prints {@code key<TAB>digest} for every bench case, computed on this one thread. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        digests(all(ExecutionContext.sequential())).forEach((k, v) -> out.println(k + "\t" + v));
    }
}
