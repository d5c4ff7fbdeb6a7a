package io.p2c2r.tools.relay;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Sends {@code messages} text frames over {@code connections} connections, at most {@code inFlight} unanswered on
 * each, and times each from send to its echo; the relay half of the dispatch-path bench. One sender thread per
 * connection; replies are timed on the connection's read thread. Not reusable: one {@link #run} per instance.
 */
final class LoadClient {
    private final URI uri;
    private final int messages;
    private final int connections;
    private final int inFlight;
    private final String padding;
    private final long[] sentAt;
    private final long[] tookNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;

    LoadClient(URI uri, int messages, int connections, int inFlight, int bytes) {
        if (messages < 1 || connections < 1 || inFlight < 1 || bytes < 16) {
            throw new IllegalArgumentException("need --messages >= 1, --connections >= 1, --in-flight >= 1 and --bytes >= 16; got "
                    + messages + ", " + connections + ", " + inFlight + ", " + bytes);
        }
        this.uri = uri;
        this.messages = messages;
        this.connections = connections;
        this.inFlight = inFlight;
        this.padding = "x".repeat(bytes - 12);
        this.sentAt = new long[messages];
        this.tookNanos = new long[messages];
        this.done = new CountDownLatch(messages);
    }

    int run(PrintStream out) throws InterruptedException {
        List<Conn> conns = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Conn conn = new Conn(uri);
            conn.setTcpNoDelay(true);
            if (!conn.connectBlocking(10, TimeUnit.SECONDS)) {
                out.println(" Relay bench: could not connect to " + uri);
                return 3;
            }
            conns.add(conn);
        }
        out.printf(" Relay bench: %d messages over %d connection(s), %d in flight each%n", messages, connections, inFlight);
        long t0 = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (Conn conn : conns) {
            Thread t = new Thread(conn::drive, "relay-load-sender");
            t.start();
            senders.add(t);
        }
        boolean complete = done.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Thread t : senders) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        conns.forEach(WebSocketClient::close);
        int ok = (int) (messages - done.getCount());
        double[] ms = Arrays.stream(tookNanos, 0, messages).filter(n -> n > 0).sorted().mapToDouble(n -> n / 1e6).toArray();
        out.printf(" Completed: %d ok, %d unanswered, in %.2f s%n", ok, messages - ok, seconds);
        if (ms.length > 0) {
            out.printf(" Throughput: %.1f messages/s%n Latency ms: p50 %.3f | p90 %.3f | p99 %.3f | max %.3f%n",
                    ok / seconds, pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
        }
        out.flush();
        return complete ? 0 : 1;
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One connection: its sender loop and its reply handler, sharing a window of in-flight permits. */
    private final class Conn extends WebSocketClient {
        private final Semaphore window = new Semaphore(inFlight);

        Conn(URI uri) {
            super(uri);
        }

        void drive() {
            try {
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    window.acquire();
                    sentAt[i] = System.nanoTime();
                    send(String.format("%010d", i) + ":" + padding);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onMessage(String message) {
            long now = System.nanoTime();
            int i = Integer.parseInt(message, 0, 10, 10);
            tookNanos[i] = Math.max(1, now - sentAt[i]);
            window.release();
            done.countDown();
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // the sender thread starts once every connection is open
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            // a close before the end shows as unanswered messages
        }

        @Override
        public void onError(Exception ex) {
            System.err.println("relay load: " + ex);
        }
    }
}
