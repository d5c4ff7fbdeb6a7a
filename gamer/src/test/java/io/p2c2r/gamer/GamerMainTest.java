package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GamerMainTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new GamerMain());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: nothing listens there
        }
    }

    @Test
    void help_explainsTheProgramAndItsCommands_withoutFormatWarnings() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("submit"), out.toString());
        assertTrue(out.toString().contains("--local-gpu-rate"), out.toString());
        assertEquals(0, run("bench", "--help"));
        assertTrue(out.toString().contains("{i%N}: modulo N"), out.toString());
        assertFalse(err.toString().contains("picocli WARN"), err.toString());
    }

    @Test
    void usage_showsTheRealDefaults_notWhatTheCommandLineGave() {
        assertEquals(2, run("--cloud-port", "9999", "--cloud-ip", "example.org", "submit"));
        assertTrue(err.toString().contains("Default: 8765"), err.toString());
        assertTrue(err.toString().contains("Default: localhost"), err.toString());
        assertFalse(err.toString().contains("Default: 9999"), err.toString());
    }

    @Test
    void subcommands_printTheVersion() {
        assertEquals(0, run("submit", "--version"));
        assertEquals(0, run("bench", "--version"));
        assertEquals(2, out.toString().split("P2C2R gamer").length - 1, out.toString());
    }

    @Test
    void withoutAConsole_andWithoutAuto_itNeverWaitsForInput() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--auto"), err.toString());
    }

    @Test
    void submit_whenNothingListens_saysSo_andHowToStartACoordinator() throws Exception {
        int port = freePort();
        assertEquals(3, run("--cloud-ip", "127.0.0.1", "--cloud-port", String.valueOf(port), "--state-dir", dir.toString(),
                "submit", "ai_pathfinding", "--data", "{}"));
        String e = err.toString();
        assertTrue(e.contains("nothing listens at 127.0.0.1:" + port + " (connection refused)"), e);
        assertTrue(e.contains("java -jar coordinator.jar --port " + port), e);
        assertTrue(e.contains("--wait"), e);
        assertFalse(e.contains("code -1"), e);
    }

    @Test
    void submit_toAPortThatAcceptsButNeverAnswers_saysItTimedOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes(); // holds the connection open, never answers
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertEquals(3, run("--cloud-ip", "127.0.0.1", "--cloud-port", String.valueOf(silent.getLocalPort()),
                    "--connect-timeout", "1", "--state-dir", dir.toString(), "submit", "ai_pathfinding", "--data", "{}"));
        }
        String e = err.toString();
        assertTrue(e.contains("accepted the connection but did not answer the WebSocket handshake within 1 s"), e + "|" + out);
        assertTrue(e.contains("--connect-timeout"), e);
    }

    @Test
    void submit_withoutData_isAUsageError() {
        assertEquals(2, run("submit", "ai_pathfinding"));
    }
}
