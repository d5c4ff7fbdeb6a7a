package io.p2c2r.coordinator.it;

import io.p2c2r.coordinator.CoordinatorMain;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Map;

/**
 * Runs {@code coordinator.jar}'s main in this JVM, then interrupts its WebSocket listener thread, as the
 * library's own fatal-error path does (the trial's "server error: InterruptedException"). For
 * {@link ListenerDeathTest}, in a child JVM.
 */
public final class ListenerInterrupter {
    private ListenerInterrupter() {}

    public static void main(String[] args) throws Exception {
        // Interrupt once the coordinator is serving: its banner is printed after start.
        CountDownLatch serving = new CountDownLatch(1);
        PrintStream console = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int b) {
                console.write(b);
                line.append((char) b);
                if (b == '\n') {
                    if (line.indexOf("Starting server on") >= 0) {
                        serving.countDown();
                    }
                    line.setLength(0);
                }
            }
        }, true));
        Thread main = new Thread(() -> CoordinatorMain.main(args), "coordinator-main");
        main.start();
        if (!serving.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the coordinator did not start within 60 s");
        }
        Thread listener = awaitListener(60_000);
        System.out.println("interrupting " + listener.getName());
        listener.interrupt();
        main.join();
    }

    /** The thread running CoordinatorServer.run, once the coordinator has started one. */
    private static Thread awaitListener(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("net.CoordinatorServer")
                        && f.getMethodName().equals("run"))) {
                    return e.getKey();
                }
            }
            Thread.sleep(50); // polling another component's threads: there is no event to wait on
        }
        throw new IllegalStateException("no listener thread within " + millis + " ms");
    }
}
