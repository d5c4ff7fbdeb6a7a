package io.p2c2r.gamer;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gamer.jar submit TYPE --data JSON}: one task, its reply printed as JSON; for scripts and CI. */
@Command(name = "submit", mixinStandardHelpOptions = true, versionProvider = GamerMain.VersionInfo.class,
        description = "Submits one task and prints the coordinator's task_result message as JSON on one line. " +
                "Images in the result are also saved under --output-dir (their files are named on stderr). " +
                "Exit codes: 0 completed, 1 the task failed (the JSON says why), 2 usage, 3 connection " +
                "problem.")
final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    GamerMain parent;

    @Parameters(index = "0", paramLabel = "TYPE", description = "Task type, e.g. ai_pathfinding.")
    String type;

    @Option(names = "--data", description = "Task data as a JSON object.")
    String data;

    @Option(names = "--data-file", description = "Read the task data from this file.")
    Path dataFile;

    @Option(names = "--timeout-ms", description = "Give up after this long, queueing included (default: the coordinator's).")
    Long timeoutMs;

    @Option(names = "--split", paramLabel = "N", description = "For a render (rt_*): cut it into N tiles (2-64) that run "
            + "on several peers at once; 1 never cuts it (default: the coordinator decides). Tile progress goes to stderr.")
    Integer split;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((data == null) == (dataFile == null)) {
            err.println("submit: give exactly one of --data or --data-file");
            return 2;
        }
        String json;
        P2c2rClient.Options options;
        try {
            json = data != null ? data : Files.readString(dataFile, StandardCharsets.UTF_8);
            options = parent.connection.toClientOptions();
        } catch (IOException | IllegalArgumentException e) {
            err.println("submit: " + e.getMessage());
            return 2;
        }
        try (P2c2rClient client = parent.connection.connect(options, err)) {
            if (client == null) {
                return 3;
            }
            client.onConnectionChange(new ConnectionNotices(err, "submit: "));
            client.onTileProgress(p -> {
                err.println("submit: tiles " + p.tilesDone() + "/" + p.tilesTotal());
                err.flush();
            });
            TaskReply reply = client.submit(type, json, timeoutMs == null ? null : Duration.ofMillis(timeoutMs), false, split).get();
            out.println(Codec.encode(reply.result()));
            out.flush();
            if (reply.ok()) {
                var saved = new ResultPrinter(new OutputFiles(parent.outputDir), false).prepare(type, reply.result().taskId(),
                        reply.result().result());
                saved.images().forEach(i -> err.println("submit: image saved to " + i.saved().path()));
                err.flush();
            }
            return reply.ok() ? 0 : 1;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            err.println("submit: " + (c instanceof P2c2rException p ? p.code() + ": " + p.getMessage() : c.toString()));
            return c instanceof P2c2rException p && P2c2rClient.DISCONNECTED.equals(p.code()) ? 3 : 2;
        }
    }
}
