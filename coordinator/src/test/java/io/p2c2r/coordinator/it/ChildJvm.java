package io.p2c2r.coordinator.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program of this build run in its own JVM (the test's classpath), for what needs a real process: a
 * SIGKILL, an exit code. Its output (stdout and stderr together) goes to a {@link LogWatcher}. Closing
 * kills it.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final LogWatcher log = new LogWatcher();

    ChildJvm(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(log)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println(line);
                    out.flush();
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "child-jvm-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits for a line containing {@code text}; fails after {@code seconds} with what the child printed. */
    void await(String text, long seconds) throws Exception {
        try {
            log.await(text).get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the child never printed '" + text + "'; it printed:\n" + log, e);
        }
    }

    String output() {
        return log.toString();
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The exit code, waiting at most {@code seconds}; fails if it is still running. */
    int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the child is still running after " + seconds + " s; it printed:\n" + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
