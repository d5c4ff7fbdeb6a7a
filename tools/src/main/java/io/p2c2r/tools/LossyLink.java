package io.p2c2r.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection: a reader thread takes chunks off one socket and stamps each with
 * its delivery time ({@link LinkModel}); a writer thread hands them to the other socket at that time, in
 * order. Waiting out a delivery time is the delay being modelled, nothing else. End of input is passed on
 * as a half close once everything before it is delivered. Owns its two threads.
 */
final class LossyLink {
    private record Chunk(long releaseNanos, byte[] bytes) {
    }

    private static final Chunk END = new Chunk(0, null);

    private final Socket from;
    private final Socket to;
    private final LinkModel model;
    private final SplittableRandom random;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final AtomicLong delivered;

    LossyLink(Socket from, Socket to, LinkModel model, long seed, AtomicLong delivered, String name) {
        this.from = from;
        this.to = to;
        this.model = model;
        this.random = new SplittableRandom(seed);
        this.delivered = delivered;
        start(this::read, name + "-in");
        start(this::write, name + "-out");
    }

    private void read() {
        byte[] buf = new byte[16 << 10];
        long previous = 0;
        try (InputStream in = from.getInputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                previous = model.release(System.nanoTime(), previous, n, random::nextDouble);
                queue.add(new Chunk(previous, Arrays.copyOf(buf, n)));
            }
        } catch (IOException e) {
            // reset or closed: end the other direction's copy as well
        } finally {
            queue.add(END);
        }
    }

    private void write() {
        try {
            OutputStream out = to.getOutputStream();
            for (Chunk c = queue.take(); c != END; c = queue.take()) {
                for (long wait = c.releaseNanos() - System.nanoTime(); wait > 0; wait = c.releaseNanos() - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                out.write(c.bytes());
                out.flush();
                delivered.addAndGet(c.bytes().length);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeBoth();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeBoth();
        }
    }

    void closeBoth() {
        try {
            from.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            to.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
