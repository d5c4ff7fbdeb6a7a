package io.p2c2r.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PeerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new PeerMain());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void withoutCloudIp_itSaysWhatIsMissing() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--cloud-ip"), err.toString());
    }

    @Test
    void bench_printsAFigureForTheSeedExample() {
        assertEquals(0, run("bench", "--runs", "1", "--seed-only", "ai_pathfinding"));
        assertTrue(out.toString().contains("ai_pathfinding"), out.toString());
        assertTrue(out.toString().contains("seed"), out.toString());
    }

    @Test
    void bench_printsWorkUnitsAndTimePerUnit() {
        assertEquals(0, run("bench", "--runs", "1", "--seed-only", "ai_pathfinding"));
        assertTrue(out.toString().contains("work units") && out.toString().contains("ns/unit"), out.toString());
    }

    @Test
    void benchCalibrate_printsTheBuiltInPriceAndTheFittedOnes() {
        assertEquals(0, run("bench", "--calibrate", "--runs", "1", "ai_npc_dialogue"));
        String text = out.toString();
        assertTrue(text.contains("built-in model:") && text.contains("fit, per unit (median):")
                && text.contains("fit, per unit + per task:") && text.contains("ps/unit"), text);
        assertTrue(text.contains("measured/billed") && text.contains("with history"), text);
    }

    @Test
    void bench_withAnUnknownType_isAUsageError() {
        assertEquals(2, run("bench", "nonsense"));
    }

    @Test
    void subcommands_printTheVersion() {
        assertEquals(0, run("bench", "--version"));
        assertEquals(0, run("status", "--version"));
        assertTrue(out.toString().contains("P2C2R peer"), out.toString());
    }

    @Test
    void status_withoutAStatusFile_saysNoPeerRanThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertEquals(2, run("status", "--state-dir", dir.toString()));
        assertTrue(err.toString().contains("no peer has run with the state folder"), err.toString());
    }

    @Test
    void badControls_areUsageErrors_namingTheOption() {
        assertEquals(2, run("--cloud-ip", "127.0.0.1", "--schedule", "22-08"));
        assertTrue(err.toString().contains("--schedule range '22-08'"), err.toString());
        assertEquals(2, run("--cloud-ip", "127.0.0.1", "--max-cpu-percent", "0"));
        assertTrue(err.toString().contains("--max-cpu-percent 0 is out of range [1, 100]"), err.toString());
        assertEquals(2, run("--cloud-ip", "127.0.0.1", "--pause-when-busy", "150"));
        assertTrue(err.toString().contains("--pause-when-busy 150"), err.toString());
    }
}
