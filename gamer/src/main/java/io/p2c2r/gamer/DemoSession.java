package io.p2c2r.gamer;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.protocol.GamerTaskResult;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ExecutionException;

/**
 * The seed's interactive gamer: submits the demo tasks, prints each result with latency, processing time
 * and cost, and on quit the session summary against a local GPU. Runs on the caller's thread.
 */
final class DemoSession {
    private final P2c2rClient client;
    private final PrintWriter out;
    private final ResultPrinter printer;
    private final Money localGpuPerHour;
    private final long startNanos = System.nanoTime();
    private int submitted;
    private int completed;
    private Money spent = Money.ZERO;

    DemoSession(P2c2rClient client, PrintWriter out, ResultPrinter printer, Money localGpuPerHour) {
        this.client = client;
        this.out = out;
        this.printer = printer;
        this.localGpuPerHour = localGpuPerHour;
        client.onProgress(a -> {
            synchronized (out) {
                out.println("   " + ("running".equals(a.status()) ? "running on " + a.peerId() : a.status() + ", waiting for a peer")
                        + " (" + a.taskId() + ")");
                out.flush();
            }
        });
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
        submitted++;
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
            return false;
        }
        completed++;
        spent = spent.plus(reply.cost());
        say("\n Result" + (r.cached() ? " (from cache, free)" : "") + ":\n" + printer.render(r.taskId(), r.result()));
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
            m.append("  0. Auto Demo (run all)\n  q. Quit\n\nSelect task (1-9, 0=all, q=quit): ");
            out.print(m);
            out.flush();
            String line = in.readLine();
            if (line == null || line.trim().equalsIgnoreCase("q")) {
                return;
            }
            String choice = line.trim();
            if (choice.equals("0")) {
                runAll();
            } else if (choice.matches("[1-9]")) {
                run(TaskType.values()[Integer.parseInt(choice) - 1]);
            } else {
                say("Please type a number from 0 to 9, or q.");
            }
        }
    }

    void summary() {
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        long localNanos = BigDecimal.valueOf(localGpuPerHour.nanos()).multiply(BigDecimal.valueOf(minutes / 60.0))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        Money local = Money.ofNanos(localNanos);
        Money saved = local.minus(spent);
        String percent = localNanos == 0 ? "n/a" : BigDecimal.valueOf(saved.nanos() * 100.0 / localNanos)
                .setScale(1, RoundingMode.HALF_UP).toPlainString() + "% cheaper";
        say(String.format("%n Session Summary:%n   Session time: %.1f minutes%n   Tasks completed: %d/%d%n"
                        + "   Total spent: %s%n   Avg cost/task: %s%n%n Savings vs local GPU (%s/hour):%n"
                        + "   Local GPU would cost: %s%n   P2C2R cost: %s%n   You saved: %s (%s)%n",
                minutes, completed, submitted, spent.format(9),
                Money.ofNanos(completed == 0 ? 0 : spent.nanos() / completed).format(9), localGpuPerHour.format(2),
                local.format(6), spent.format(9), saved.format(6), percent));
    }

    private void say(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
