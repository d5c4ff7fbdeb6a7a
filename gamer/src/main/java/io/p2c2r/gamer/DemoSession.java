package io.p2c2r.gamer;

import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.task.TaskType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;

/**
 * The seed's interactive gamer: submits the demo tasks, prints each result (a summary, or the full JSON) with
 * latency, processing time and cost, and at the end the session summary against a local GPU. Runs on the caller's
 * thread; {@link #summary} may also run on a shutdown hook (Ctrl-C), so the tally is guarded.
 */
final class DemoSession {
    private final P2c2rClient client;
    private final PrintWriter out;
    private final ResultPrinter printer;
    private final SessionTally tally;
    private GamerTaskResult last;
    private TaskType lastType;

    DemoSession(P2c2rClient client, PrintWriter out, ResultPrinter printer, Money localGpuPerHour) {
        this.client = client;
        this.out = out;
        this.printer = printer;
        this.tally = new SessionTally(localGpuPerHour);
        client.onProgress(a -> say("   " + ("running".equals(a.status()) ? "running on " + a.peerId()
                : a.status() + ", waiting for a peer") + " (" + a.taskId() + ")"));
        client.onTileProgress(p -> say("   " + (p.tilesDone() == 0 ? "split into " + p.tilesTotal() + " tiles"
                : "tiles " + p.tilesDone() + "/" + p.tilesTotal()) + " (" + p.taskId() + ")"));
        client.onConnectionChange(new ConnectionNotices(out, ""));
    }

    /** Runs all nine seed tasks in order; returns true if every one completed. */
    boolean runAll() throws InterruptedException {
        boolean all = true;
        for (TaskType type : TaskType.values()) {
            all &= run(type);
        }
        return all;
    }

    /** Submits {@code type} with the seed's data and prints the outcome; returns true if it completed. */
    boolean run(TaskType type) throws InterruptedException {
        say("\n Submitting: " + type.wireName() + " " + type.seedData());
        tally.submitted();
        TaskReply reply;
        try {
            reply = client.submit(type, type.seedData()).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            say("❌ " + (c instanceof P2c2rException p ? p.code() + ": " + p.getMessage() : c.toString()));
            return false;
        }
        GamerTaskResult r = reply.result();
        if (!r.ok()) {
            say("❌ Task failed: " + r.code() + ": " + r.error());
            tally.failed(reply);
            return false;
        }
        tally.completed(reply);
        last = r;
        lastType = type;
        say("\n Result" + (r.cached() ? " (from cache, free)" : "") + ":\n" + printer.render(type.wireName(), r.taskId(), r.result()));
        say(String.format("%n  Latency: %.1fms%n  Processing: %.1fms%s%n Cost: %s%n%n✅ Task completed!", reply.latencyMs(),
                r.processingTimeMs() == null ? 0 : r.processingTimeMs(), r.peerId() == null ? "" : " on " + r.peerId(),
                reply.cost().format(9)));
        return true;
    }

    /** The seed's menu; returns when the user types q or input ends. */
    void menu(BufferedReader in) throws IOException, InterruptedException {
        while (true) {
            StringBuilder m = new StringBuilder("\nAvailable tasks:\n");
            for (TaskType t : TaskType.values()) {
                m.append(String.format("  %d. %s%n", t.ordinal() + 1, t.label()));
            }
            m.append("  0. Auto Demo (run all)\n").append(last != null ? "  j. The last result as full JSON\n" : "")
                    .append("  q. Quit\n\nSelect task (1-9, 0=all, ").append(last != null ? "j=JSON, " : "").append("q=quit): ");
            synchronized (out) {
                out.print(m);
                out.flush();
            }
            String line = in.readLine();
            if (line == null || line.trim().equalsIgnoreCase("q")) {
                return;
            }
            String choice = line.trim();
            if (choice.equals("0")) {
                runAll();
            } else if (choice.matches("[1-9]")) {
                run(TaskType.values()[Integer.parseInt(choice) - 1]);
            } else if (choice.equalsIgnoreCase("j") && last != null) {
                say(printer.full(lastType.wireName(), last.taskId(), last.result()));
            } else {
                say("Please type a number from 0 to 9" + (last != null ? ", j" : "") + ", or q.");
            }
        }
    }

    /** Prints the session summary once, whether the session ended normally or by Ctrl-C. */
    void summary() {
        String text = tally.summaryOnce();
        if (text != null) {
            say(text);
        }
    }

    private void say(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
