package io.p2c2r.peer;

import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.protocol.Codec;
import io.p2c2r.peer.status.PeerStatus;
import io.p2c2r.peer.status.StatusReport;
import io.p2c2r.peer.status.StatusTracker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peer.jar status}: what the peer using this state folder is doing, from the status file it keeps. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = PeerMain.VersionInfo.class,
        description = "Shows whether the peer is running, whether it is connected, what it earned (today, this " +
                "session, in total) and its recent tasks, from the status file the running peer keeps in its " +
                "state folder. Exit codes: 0 running, 3 not running, 2 no status file or a usage error.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--state-dir", description = "The peer's state folder. Default: $P2C2R_HOME or ~/.p2c2r.")
    Path stateDir;

    @Option(names = "--peer-id", description = "Which peer, if several used this folder. Default: the saved id.")
    String peerId;

    @Option(names = "--json", description = "Print the status file itself (JSON).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = stateDir != null ? stateDir : IdentityStore.defaultDir();
        Path file;
        try {
            file = statusFile(dir);
        } catch (IllegalArgumentException | IOException e) {
            err.println("status: " + e.getMessage());
            return 2;
        }
        PeerStatus s;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            s = Codec.read(text, PeerStatus.class);
        } catch (IOException | RuntimeException e) {
            err.println("status: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        long now = System.currentTimeMillis();
        StatusReport.Liveness live = StatusReport.liveness(s, now);
        out.print(json ? text : StatusReport.render(s, live, now, ZoneId.systemDefault()));
        out.flush();
        return live == StatusReport.Liveness.NOT_RUNNING ? 3 : 0;
    }

    /** The file for --peer-id, else for the saved id, else the only status file in the folder. */
    private Path statusFile(Path dir) throws IOException {
        String id = peerId != null ? peerId : new IdentityStore(dir).savedId("peer").orElse(null);
        if (id != null) {
            Path f = StatusTracker.fileFor(dir, id);
            if (!Files.exists(f)) {
                throw new IllegalArgumentException("no status file for peer " + id + " in " + dir
                        + "; has it run with this --state-dir? (start it with: java -jar peer.jar --cloud-ip HOST)");
            }
            return f;
        }
        List<Path> found;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            found = files.filter(p -> p.getFileName().toString().matches("peer-.+\\.status\\.json")).sorted().toList();
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty() ? "no peer has run with the state folder " + dir
                    + " (no status file); give --state-dir if it uses another" : found.size() + " peers used " + dir
                    + "; choose one with --peer-id (" + found + ")");
        }
        return found.get(0);
    }
}
