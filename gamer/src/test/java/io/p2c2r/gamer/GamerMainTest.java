package io.p2c2r.gamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GamerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new GamerMain());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void help_explainsTheProgramAndItsCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("submit"), out.toString());
        assertTrue(out.toString().contains("--local-gpu-rate"), out.toString());
    }

    @Test
    void withoutAConsole_andWithoutAuto_itNeverWaitsForInput() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--auto"), err.toString());
    }

    @Test
    void submit_toAnUnreachableCoordinator_exitsWith3() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        assertEquals(3, run("--cloud-ip", "127.0.0.1", "--cloud-port", String.valueOf(port), "--state-dir",
                System.getProperty("java.io.tmpdir") + "/p2c2r-gamer-test", "submit", "ai_pathfinding", "--data", "{}"));
        assertTrue(err.toString().contains("cannot connect"), err.toString());
    }

    @Test
    void submit_withoutData_isAUsageError() {
        assertEquals(2, run("submit", "ai_pathfinding"));
    }
}
