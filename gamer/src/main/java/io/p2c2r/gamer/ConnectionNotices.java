package io.p2c2r.gamer;

import io.p2c2r.client.ConnectionChange;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Prints a client's connection changes for a person: "reconnecting…" when the connection is lost, a line at failed
 * attempts 1, 2, 4, 8, … (not one per attempt, so that a long outage does not flood the screen), "reconnected"
 * when it is back, and a refusal that closes the client. Runs on the client's threads; prints under the writer's
 * lock.
 */
final class ConnectionNotices implements Consumer<ConnectionChange> {
    private final PrintWriter out;
    private final String label;

    /**
     * @param out   where to print
     * @param label what names the connection at the start of each line, e.g. "" or "connection 2: "
     */
    ConnectionNotices(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void accept(ConnectionChange c) {
        String line = switch (c.state()) {
            case RECONNECTING -> c.attempt() == 0
                    ? "⚠ " + label + "connection lost (" + c.reason() + "); reconnecting…"
                    : Integer.bitCount(c.attempt()) == 1 ? "  " + label + "still reconnecting (attempt " + c.attempt()
                            + " failed: " + c.reason() + "; next in " + seconds(c.retryInMs()) + ")" : null;
            case CONNECTED -> "✅ " + label + "reconnected; unanswered tasks were sent again";
            case CLOSED -> c.reason().equals("the client is closed") ? null : "❌ " + label + c.reason();
        };
        if (line != null) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    private static String seconds(long ms) {
        return String.format("%.1f s", ms / 1000.0);
    }
}
