package io.p2c2r.coordinator.net;

import io.p2c2r.coordinator.Console;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;

/**
 * Twice a second, closes connections past a deadline of the {@link ConnectionTable}: no WebSocket handshake
 * in time (a half-open TCP connection, or a TLS client that never finishes), no registration in time, or a
 * frame still arriving too slowly. Every 10 s it logs one line of refusals, so a flood cannot flood the log.
 * Owns its one thread, {@code p2c2r-net-sweeper}.
 */
final class ConnectionSweeper implements AutoCloseable {
    private final ConnectionTable<WebSocketImpl> table;
    private final Console console;
    private final ScheduledExecutorService timer;
    private long lastReportNanos = System.nanoTime();

    ConnectionSweeper(ConnectionTable<WebSocketImpl> table, Console console) {
        this.table = table;
        this.console = console;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p2c2r-net-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::sweepGuarded, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void sweepGuarded() {
        try {
            sweep(System.nanoTime());
        } catch (RuntimeException e) {
            console.error("connection sweep failed: " + e); // the next run tries again
        }
    }

    void sweep(long now) {
        int handshake = 0;
        int registration = 0;
        for (ConnectionTable.Overdue<WebSocketImpl> o : table.overdue(now, ConnectionSweeper::partialDeadline)) {
            WebSocketImpl ws = o.entry().key;
            switch (o.why()) {
                case NO_HANDSHAKE -> {
                    handshake++;
                    ws.closeConnection(CloseFrame.NEVER_CONNECTED, "no WebSocket handshake in time");
                    table.closed(ws); // a socket the library never took as open may not report its close
                }
                case NOT_REGISTERED -> {
                    registration++;
                    if (ws.isClosing()) {
                        // Told at the last sweep and still not gone: a client that ignores close frames.
                        ws.closeConnection(CloseFrame.POLICY_VALIDATION, "no registration in time");
                    } else {
                        ws.close(CloseFrame.POLICY_VALIDATION, "no registration in time");
                    }
                }
                default -> {
                    console.warn(" Closed " + o.entry().address + ": a frame arrived too slowly");
                    ws.closeConnection(CloseFrame.POLICY_VALIDATION, "a frame arrived too slowly");
                }
            }
        }
        if (handshake + registration > 0) {
            console.debug(" Closed " + handshake + " connection(s) without a handshake and " + registration
                    + " without a registration in time");
        }
        if (now - lastReportNanos >= TimeUnit.SECONDS.toNanos(10)) {
            lastReportNanos = now;
            Map<ConnectionTable.Verdict, Integer> refused = table.takeRefusals();
            if (!refused.isEmpty()) {
                console.warn(" Refused connections at accept in the last 10 s: " + refused + " (" + table.size() + " held)");
            }
        }
    }

    private static long partialDeadline(WebSocketImpl ws) {
        return ws.getDraft() instanceof GuardedDraft d && d.guard() != null ? d.guard().partialDeadlineNanos() : Long.MAX_VALUE;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
